import Link from "next/link";
import { CartCount } from "@/components/cart/cart-count";
import { ShopperSwitcher } from "@/components/shopper/shopper-switcher";
import { currentBrowserId } from "@/lib/browser/current-browser";
import { cartCount } from "@/lib/cart/cart";
import { listCategories } from "@/lib/catalog/catalog";
import { listShoppers } from "@/lib/shoppers/shoppers";
import { CategoryNav } from "./category-nav";
import { SearchBox } from "./search-box";
import { TimeZoneCookie } from "./time-zone-cookie";

interface HeaderProps {
  shopperId: string;
  /** On `/`: the category (null: all picks) and search being browsed. Absent on other pages. */
  browsing?: { category: string | null; q: string | null };
}

/** Rendered by each page (not the layout): it shows the request's shopper, which a search-param navigation changes. */
export async function Header({ shopperId, browsing }: HeaderProps) {
  const [categories, shoppers, count] = await Promise.all([listCategories(), listShoppers(), currentBrowserId().then(cartCount)]);
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur">
      <TimeZoneCookie />
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 pt-3">
        <div className="flex items-center gap-3">
          <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
            <span aria-hidden className="grid size-8 place-items-center rounded-lg bg-ink text-sm text-white">A</span>
            <span className="hidden sm:inline">Aisle</span>
          </Link>
          <SearchBox q={browsing?.q} category={browsing?.category} />
          <ShopperSwitcher shoppers={shoppers} currentId={shopperId} />
          <CartCount count={count} />
        </div>
        <CategoryNav categories={categories} current={browsing ? browsing.category : undefined} />
      </div>
    </header>
  );
}

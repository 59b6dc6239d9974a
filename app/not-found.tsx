import { Header } from "@/components/layout/header";
import { PagePanel } from "@/components/layout/page-panel";
import { rememberedShopperId } from "@/lib/shoppers/request-shopper";

export default async function NotFound() {
  return (
    <>
      <Header shopperId={await rememberedShopperId()} />
      <PagePanel eyebrow="404" title="We couldn’t find that page">
        The product may have left the aisle, or the link is mistyped.
      </PagePanel>
    </>
  );
}

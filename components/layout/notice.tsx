import Link from "next/link";

interface NoticeProps {
  title: string;
  children?: React.ReactNode;
}

/** A clear message in place of content that cannot be shown (unknown shopper, bad search), never a crash. */
export function Notice({ title, children }: NoticeProps) {
  return (
    <div role="alert" data-testid="notice" className="rounded-card border border-amber-200 bg-amber-50 p-6">
      <h2 className="text-base font-semibold text-amber-900">{title}</h2>
      <div className="mt-2 text-sm text-amber-900/80">{children}</div>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand underline-offset-2 hover:underline">
        Back to your picks
      </Link>
    </div>
  );
}

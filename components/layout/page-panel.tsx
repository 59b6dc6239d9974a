import Link from "next/link";

interface PagePanelProps {
  eyebrow: string;
  title: string;
  children?: React.ReactNode;
  action?: React.ReactNode;
}

/** A whole-page message (not found, something broke) with a way back to the picks. */
export function PagePanel({ eyebrow, title, children, action }: PagePanelProps) {
  return (
    <main className="mx-auto grid min-h-[60dvh] max-w-xl place-items-center px-4 py-16 text-center">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand">{eyebrow}</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">{title}</h1>
        <div className="mt-3 text-ink-soft">{children}</div>
        <div className="mt-6 flex items-center justify-center gap-3">
          {action}
          <Link href="/" className="rounded-full bg-ink px-5 py-2.5 text-sm font-medium text-white hover:bg-ink/85">
            Back to your picks
          </Link>
        </div>
      </div>
    </main>
  );
}

import { PagePanel } from "@/components/layout/page-panel";
import { SignInForm } from "@/components/insights/sign-in-form";

/** A page only the operator may see, asked for without the token (`unauthorized()`: status 401). */
export default function Unauthorized() {
  return (
    <PagePanel eyebrow="401" title="Sign in to see this page">
      This page is for the store’s operator.
      <SignInForm />
    </PagePanel>
  );
}

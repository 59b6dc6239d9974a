/** Heads the cards after the model's picks: honest that the model did not place them. */
export function MoreForYou() {
  return (
    <li data-flip-key="more-for-you" data-testid="more-for-you" className="col-span-full mt-4 border-t border-zinc-200 pt-4">
      <h2 className="text-lg font-semibold tracking-tight">More for you</h2>
      <p className="text-sm text-ink-soft">Not among the model&rsquo;s picks: ordered instantly by Aisle&rsquo;s own ranker from your profile and activity.</p>
    </li>
  );
}

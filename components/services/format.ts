// Server-rendered dates: one format, UTC, so server and browser agree.
export function formatTime(iso: string | undefined): string {
  if (!iso) return "—";
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

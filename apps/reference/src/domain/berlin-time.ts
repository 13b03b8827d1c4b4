/**
 * The instant of a wall-clock time in Germany (Europe/Berlin): `2027-03-28` + `00:00` →
 * `2027-03-27T23:00:00.000Z` (winter time) or the summer-time equivalent. The form's date fields
 * mean German days; the records store instants.
 *
 * @example
 * berlinInstant('2027-07-01', '23:59:59'); // '2027-07-01T21:59:59.000Z'
 */
export function berlinInstant(date: string, time = '00:00:00'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return undefined;
  const local = `${date}T${time.length === 5 ? `${time}:00` : time}`;
  for (const offset of ['+01:00', '+02:00']) {
    const instant = new Date(`${local}${offset}`);
    if (Number.isNaN(instant.getTime())) return undefined;
    const shown = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .format(instant)
      .replace(' ', 'T');
    if (shown === local) return instant.toISOString();
  }
  return undefined;
}

/** The German calendar day (YYYY-MM-DD) of an instant. @example berlinDay('2027-03-27T23:30:00Z'); // '2027-03-28' */
export function berlinDay(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

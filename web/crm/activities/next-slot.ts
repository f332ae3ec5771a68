// Pure: when something planned happens by default. "Now" makes a planned meeting overdue the moment
// it is saved; the next round hour of the working day (or 09:00 of the next working day) does not.
import dayjs from 'dayjs';

const DAY_START = 9;
const DAY_END = 18;

export function nextSlot(now: Date): Date {
  let slot = dayjs(now).add(1, 'hour').startOf('hour');
  // Less than a quarter of an hour to prepare is no slot: take the hour after.
  if (slot.diff(now, 'minute') < 15) slot = slot.add(1, 'hour');
  if (slot.hour() < DAY_START) slot = slot.hour(DAY_START);
  if (slot.hour() >= DAY_END) slot = slot.add(1, 'day').hour(DAY_START);
  while (slot.day() === 0 || slot.day() === 6) slot = slot.add(1, 'day').hour(DAY_START);
  return slot.toDate();
}

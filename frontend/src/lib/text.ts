// Text helpers shared by search boxes and forms.

/**
 * fold lower-cases, strips Vietnamese diacritics (đ→d included) and collapses
 * spaces, like contests.Fold on the server, so "phuong an bien" finds
 * "Phường An Biên" in lists filtered in the browser.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/**
 * displayPhone shows the server's canonical "+84912345678" the way people
 * write it at home, "0912 345 678" (an 11-digit landline: "0296 312 3456").
 * Anything else is shown as stored.
 */
export function displayPhone(phone: string): string {
  const m = /^\+84(\d{9,10})$/.exec(phone);
  if (!m) return phone;
  const n = `0${m[1]}`;
  return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
}

/**
 * whereIs returns the part of a unit's path name above the unit: the server
 * sends "Phường An Biên, Tỉnh An Giang" for Phường An Biên, and the name is
 * already shown on the line above.
 */
export function whereIs(name: string, pathName: string | undefined): string {
  if (!pathName || pathName === name) return '';
  return pathName.startsWith(`${name}, `) ? pathName.slice(name.length + 2) : pathName;
}

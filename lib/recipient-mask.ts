// Masks the phone numbers and email addresses of recipients wherever they leave the batch page
// (the CSV export, and whatever else shows a recipient later): enough is kept to tell two rows
// apart and to recognise one's own test number, never enough to contact anyone.

const DOT = "•";

/** "jane@example.com" → "j•••@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return `${email.slice(0, 1)}${DOT.repeat(3)}`;
  return `${email.slice(0, 1)}${DOT.repeat(3)}${email.slice(at)}`;
}

// E.164 country codes by their first digits: 1 and 7 stand alone; these two-digit codes are the
// whole code; every other code has three digits.
const TWO_DIGIT_CODES = new Set(
  "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98".split(" "),
);

function countryCodeLength(digits: string): number {
  if (digits.startsWith("1") || digits.startsWith("7")) return 1;
  return TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
}

/** "+34612345612" → "+34 6•• ••• •12": the country, the first and the last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  const international = phone.trim().startsWith("+");
  const codeLength = international ? countryCodeLength(digits) : 0;
  const national = digits.slice(codeLength);
  const kept = (index: number) => index === 0 || index >= national.length - 2;
  const masked = [...national].map((digit, index) => (national.length > 4 && kept(index) ? digit : DOT));
  // Three, three, then the rest: "6•• ••• •12", "4•• ••• ••42".
  const groups = [masked.slice(0, 3), masked.slice(3, 6), masked.slice(6)].map((group) => group.join(""));
  return [international ? `+${digits.slice(0, codeLength)}` : null, ...groups].filter(Boolean).join(" ");
}

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/g;
// In running text: an international number (with the separators numbers are written with), or a
// bare run of 9–15 digits. Dates, times and short codes ("131026") stay as they are.
const PHONE = /\+\d[\d ().-]{5,}\d|(?<![\d.-])\d{9,15}(?![\d.-])/g;

const isPhoneLike = (value: string) => /^\+?[\d ().-]+$/.test(value.trim()) && value.replace(/\D/g, "").length >= 7;

/** One recipient (an address, a number, or a provider's own id for one), masked. */
export function maskRecipient(recipient: string): string {
  if (recipient.includes("@")) return maskEmail(recipient);
  if (isPhoneLike(recipient)) return maskPhone(recipient);
  return `${recipient.slice(0, 1)}${DOT.repeat(3)}`;
}

/** Free text from a provider (a failure reason) with every address and number in it masked. */
export function maskContactsIn(text: string): string {
  return text
    .replace(EMAIL, (email) => maskEmail(email))
    .replace(PHONE, (found) => (found.replace(/\D/g, "").length >= 7 ? maskPhone(found) : found));
}

// Links for the business's contacts: an e-mail address opens the mail app (mailto:), a phone number
// the dialler (tel:, digits only). The profile checks both shapes (lib/business/profile.ts). Pure.

/** "02-000-0000" → "tel:020000000" */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

export function mailtoHref(email: string): string {
  return `mailto:${email.trim()}`;
}

/** The 개인정보 보호책임자's contact may be either: an address with an @ is mail, anything else a phone. */
export function contactHref(contact: string): string {
  return contact.includes("@") ? mailtoHref(contact) : telHref(contact);
}

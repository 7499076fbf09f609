/**
 * The providers' documented API hosts: the only hosts a production build may reach without asking.
 * Kept apart from the clients so the manifest can import it without pulling in provider code.
 */
export const PROVIDER_HOST_PERMISSIONS = [
  'https://kundenkonto.fonial.de/*',
  'https://pbxonline.be/*',
  'https://api.sipgate.com/*',
  'https://api.fonema.es/*',
] as const;

import { createClient } from '@tandem/contract/client';

// Same origin: the API is under /api/v1 (proxied by Vite in development). The session cookie is
// httpOnly, so the client never sees or stores a credential. Problems come back in the interface
// language (the i18n provider sets <html lang>).
export const apiCall = createClient({ headers: () => ({ 'accept-language': document.documentElement.lang || 'en' }) });

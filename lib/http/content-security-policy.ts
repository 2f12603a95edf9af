/**
 * The Content-Security-Policy of every page. Scripts run only from our origin
 * with this response's nonce ('strict-dynamic' lets Next's own loader add its
 * chunks); Next.js reads the nonce from the request's CSP header and puts it
 * on the scripts it renders. Styles allow inline attributes (React style
 * props); nothing may frame the app, plugins are off, forms post only to us.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  const script = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])];
  const directives = [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

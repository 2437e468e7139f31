// The console's first script, a few hundred bytes: it loads the console itself (start-console.tsx),
// whose script and stylesheet index.html preloads beside it. The campaign page's API requests are
// already under way by then: index.html's inline script (early-start.ts) sent them.
void import('./start-console');

// Installs the service worker (frontend/sw/sw.js, written into the build by
// frontend/scripts/postbuild.mjs) so a reload with no connection still shows
// the app and the attempt kept on the phone. Only once someone is logged in:
// an attempt needs a login, and a first visit on 3G should not spend bytes
// on copies it may never use.
let asked = false;

export function keepAppOffline(): void {
  if (asked || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  asked = true;
  // updateViaCache 'none': the browser always asks the server for a newer
  // sw.js, so a new build reaches the phone on its next visit.
  navigator.serviceWorker.register('/sw.js', { updateViaCache: 'none' }).catch(() => {
    asked = false; // e.g. private mode; tried again on the next page
  });
}

// The page shell: what the page does outside the Rust app, kept in plain
// JavaScript because it is browser glue, not explorer logic, and a few lines
// here cost far less than the same in wasm.
//
// 0. It marks an embedded view (?embed=1) so the CSS hides the site's frame.
// 1. Inside an iframe, it tells the parent the content height whenever it
//    changes, so embeds size themselves (embed.js listens for this message).
// 2. It stands in for invoker commands (the embed dialog) where they are missing.
// 3. It registers the service worker (offline use) and, when a new build has
//    been installed, offers to reload instead of mixing versions.
const inFrame = window.parent !== window;

// ?embed=1 (the rule of src/embed.rs: `embed=1` or `embed=true`): the CSS hides
// the site's header and footer, before the wasm starts, so nothing jumps.
const embed = new URLSearchParams(location.search).getAll('embed');
if (embed.includes('1') || embed.includes('true')) document.documentElement.classList.add('embedded');

if (inFrame) {
  // The page's own height rule (body at least the viewport tall) would keep
  // an iframe from ever shrinking: `in-frame` lifts it.
  document.documentElement.classList.add('in-frame');
  let last = -1;
  const postHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // The height is not a secret: any host may read it.
    window.parent.postMessage({ source: 'partnership-explorer', type: 'resize', height }, '*');
  };
  new ResizeObserver(postHeight).observe(document.documentElement);
  addEventListener('load', postHeight);
}

// "Embed this view" opens its dialog with invoker commands (commandfor/command),
// which browsers before 2025 lack: the same for them, by delegation.
if (!('command' in HTMLButtonElement.prototype)) {
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[commandfor]') : null;
    const dialog = button && document.getElementById(button.getAttribute('commandfor'));
    if (!(dialog instanceof HTMLDialogElement)) return;
    const command = button.getAttribute('command');
    if (command === 'show-modal' && !dialog.open) dialog.showModal();
    else if (command === 'close') dialog.close();
  });
}

if ('serviceWorker' in navigator) {
  let reloadOnChange = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only after the visitor chose to reload: the first install also changes
    // the controller, and must not reload the page under them.
    if (reloadOnChange) location.reload();
  });

  const offerReload = (worker) => {
    // No controller means this is the first install: nothing old to replace.
    if (!navigator.serviceWorker.controller || document.querySelector('.update-prompt')) return;
    const prompt = document.createElement('div');
    prompt.className = 'update-prompt';
    prompt.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.textContent = 'A new version of Partnership Explorer is ready.';
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'button';
    reload.textContent = 'Reload to update';
    reload.addEventListener('click', () => {
      reloadOnChange = true;
      reload.disabled = true;
      worker.postMessage({ type: 'skip-waiting' });
    });
    const later = document.createElement('button');
    later.type = 'button';
    later.className = 'link-button';
    later.textContent = 'Not now';
    later.addEventListener('click', () => prompt.remove());
    prompt.append(text, reload, later);
    document.body.prepend(prompt);
  };

  addEventListener('load', () => {
    navigator.serviceWorker
      .register('sw.js', { scope: './' })
      .then((registration) => {
        if (registration.waiting) offerReload(registration.waiting);
        // A page left open for days still hears of a new build when it is looked at again.
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') registration.update().catch(() => {});
        });
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker?.addEventListener('statechange', () => {
            if (worker.state === 'installed') offerReload(worker);
          });
        });
      })
      // Blocked or unsupported (private mode, file://): the page works online as before.
      .catch(() => {});
  });
}

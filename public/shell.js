// The page shell: what the page does outside the Rust app, kept in plain
// JavaScript because it is browser glue, not explorer logic, and a few lines
// here cost far less than the same in wasm.
//
// 1. Inside an iframe, it tells the parent the content height once the app has
//    settled in, and whenever it changes after that, so embeds size themselves
//    (embed.js listens for this message) and never grow past their height and back.
// 2. It stands in for invoker commands (the embed dialog) where they are missing,
//    and loads the dialog's preview of the embed while it is open.
// 3. It registers the service worker (offline use) and, when a new build has
//    been installed, offers to reload instead of mixing versions.
// 4. It carries what a visitor does in the prerendered page across to the app
//    when the app takes it over.
// (The page's marks for its address, such as `embedded`, are set by the inline
// script in index.html's head, before the first paint.)

// The prerendered default page stands in for the view this address asks for
// (the head script marked it `view-pending`): its results are hidden and the
// region is busy until the app has rendered the right view.
const prerendered = document.querySelector('#app[data-prerendered]');
if (prerendered && document.documentElement.classList.contains('view-pending')) prerendered.setAttribute('aria-busy', 'true');

if (document.documentElement.classList.contains('in-frame')) {
  let last = -1;
  const postHeight = () => {
    // Not before the app has taken over and laid out every card: the heights
    // on the way there (the prerendered page, cards not yet laid out) are not
    // the view's, and would make the partner's page jump.
    if (!document.querySelector('#app.settled')) return;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // The height is not a secret: any host may read it.
    window.parent.postMessage({ source: 'partnership-explorer', type: 'resize', height }, '*');
  };
  new ResizeObserver(postHeight).observe(document.documentElement);
  // The app settling in (browser::take_over) is a class change, which may not resize.
  new MutationObserver(postHeight).observe(document.body, { subtree: true, attributeFilter: ['class'] });
}

// "Embed this view" previews the embed in a frame of its own, loaded only while
// the dialog is open (and again when the controls chosen change its address);
// the height the frame reports is how tall the embed will be at this width.
const preview = () => document.querySelector('iframe.embed-preview-frame');
const previewSays = (text) => {
  const status = document.getElementById('embed-preview-height');
  if (status) status.textContent = text;
};
const loadPreview = () => {
  const box = document.querySelector('.embed-preview[data-src]');
  if (!box?.closest('dialog')?.open) return;
  let frame = box.querySelector('iframe');
  if (frame?.getAttribute('src') === box.dataset.src) return;
  if (!frame) {
    frame = document.createElement('iframe');
    frame.className = 'embed-preview-frame';
    frame.title = 'Preview of the embed';
    frame.setAttribute('height', '300');
    box.append(frame);
  }
  previewSays('Measuring the preview…');
  frame.setAttribute('src', box.dataset.src);
};
document.addEventListener('toggle', loadPreview, true);
new MutationObserver(loadPreview).observe(document.body, { subtree: true, attributeFilter: ['data-src', 'open'] });
addEventListener('message', (event) => {
  const frame = preview();
  const data = event.data;
  if (!frame || event.source !== frame.contentWindow || event.origin !== location.origin) return;
  if (!data || data.source !== 'partnership-explorer' || data.type !== 'resize' || !Number.isFinite(data.height)) return;
  const height = Math.ceil(data.height);
  frame.setAttribute('height', String(height));
  previewSays(`About ${height.toLocaleString('en-US')} px tall in a column ${Math.round(frame.clientWidth)} px wide.`);
});

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

// The prerendered page (release builds) is live HTML for a few seconds before
// the app swaps its own #app in for it: a visitor may already have focused a
// control, typed a search, chosen a sort or clicked filters and buttons there.
// At the swap, the same controls of the app get the text, the choices and the
// clicks (in order), and the focus. A control is known by its place: its
// position among the controls of the filters, the results bar or its card.
if (prerendered) {
  const CONTROLS = 'a[href],button,input,select,textarea,[tabindex]';
  const BOXES = 'section.filters, .results-bar, article[id]';
  const place = (element) => {
    const box = element instanceof Element ? element.closest(BOXES) : null;
    if (!box || !prerendered.contains(box)) return null;
    const selector = box.matches('article') ? `article[id="${CSS.escape(box.id)}"]` : box.matches('section') ? 'section.filters' : '.results-bar';
    return { selector, index: [...box.querySelectorAll(CONTROLS)].indexOf(element) };
  };
  const find = (root, at) => at && root.querySelector(at.selector)?.querySelectorAll(CONTROLS)[at.index];
  const clicks = [];
  const edited = new Set();
  let focused = null;
  // A first click on a sector is answered here at once: the prerender wrote,
  // for each sector, which of its cards that view shows and its status line,
  // computed by the app's own filtering (src/prerender.rs, `first_answers`).
  // Nothing is filtered here: the answer is only shown. "All sectors"
  // restores the page as it came. Any other change, or a second one, waits
  // for the app.
  const answers = JSON.parse(document.getElementById('first-answers')?.textContent || 'null');
  const items = [...prerendered.querySelectorAll('.card-item')];
  const status = prerendered.querySelector('.status-line');
  if (answers && status) answers[''] = { cards: items.map((_, at) => at), status: status.textContent };
  let answering = !document.documentElement.classList.contains('view-pending');
  const answer = (target) => {
    const found = answering && target.matches('[name=sector]') && answers?.[target.value];
    if (!found || found.cards.some((at) => at >= items.length)) return false;
    items.forEach((item, at) => (item.hidden = !found.cards.includes(at)));
    status.textContent = found.status;
    return true;
  };
  // A filter changed here leaves the prerendered cards matching another view:
  // unless answered above, they give way to "Loading this view…" (see the
  // CSS) until the app has applied the change. The filters stay as they are,
  // under the visitor's hand.
  const changing = (target) => {
    if (!(target instanceof Element) || !target.closest('.filters-row, .filter-panel')) return;
    if (answer(target)) return;
    answering = false;
    document.documentElement.classList.add('view-changing');
    prerendered.setAttribute('aria-busy', 'true');
  };
  // Only what the visitor changed: an address with filters sets the app's own.
  prerendered.addEventListener('input', (event) => {
    edited.add(event.target.id);
    changing(event.target);
  });
  prerendered.addEventListener('change', (event) => {
    edited.add(event.target.id);
    changing(event.target);
  });
  prerendered.addEventListener('click', (event) => {
    // Links work without the app; a click on a radio's label reaches the radio too.
    const control = event.target instanceof Element ? event.target.closest('button, input[type=radio]') : null;
    const at = control && place(control);
    if (at) clicks.push(at);
    if (control) changing(control);
    // The Filters button (narrow screens) opens its panel here at once; the
    // app, given the same click, opens its own.
    if (control?.id === 'filters-button') {
      const panel = document.getElementById(control.getAttribute('aria-controls'));
      const open = !panel.classList.contains('open');
      panel.classList.toggle('open', open);
      control.setAttribute('aria-expanded', String(open));
    }
  });
  // What was chosen before this script arrived (on a slow line the cards show
  // well before it): a radio chosen, the search or the sort changed, the focus.
  for (const radio of prerendered.querySelectorAll('input[type=radio]')) {
    if (radio.checked && !radio.defaultChecked) {
      clicks.push(place(radio));
      changing(radio);
    }
  }
  const search = prerendered.querySelector('#search');
  if (search && search.value !== search.defaultValue) {
    edited.add('search');
    changing(search);
  }
  const sort = prerendered.querySelector('#sort');
  if (sort && [...sort.options].some((option) => option.selected !== option.defaultSelected)) {
    edited.add('sort');
    changing(sort);
  }
  if (prerendered.contains(document.activeElement)) focused = place(document.activeElement);
  prerendered.addEventListener('focusin', (event) => (focused = place(event.target)));
  // Focus leaving the page clears it; the swap itself (which also blurs) does not.
  prerendered.addEventListener('focusout', () => {
    queueMicrotask(() => {
      if (prerendered.isConnected && !prerendered.contains(document.activeElement)) focused = null;
    });
  });
  new MutationObserver((_, observer) => {
    const app = document.getElementById('app');
    if (!app || app === prerendered) return;
    observer.disconnect();
    // Found before any of it is replayed: a click may re-render what follows.
    const targets = clicks.map((at) => find(app, at));
    const focus = find(app, focused);
    for (const [id, type] of [['search', 'input'], ['sort', 'change']]) {
      const before = prerendered.querySelector(`#${id}`);
      const after = app.querySelector(`#${id}`);
      if (edited.has(id) && before && after && before.value !== after.value) {
        after.value = before.value;
        after.dispatchEvent(new Event(type, { bubbles: true }));
      }
    }
    for (const target of targets) if (target?.isConnected) target.click();
    if (focus?.isConnected) focus.focus();
  }).observe(prerendered.parentNode, { childList: true });
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

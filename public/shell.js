// The page shell: what the page does outside the Rust app, kept in plain
// JavaScript because it is browser glue, not explorer logic, and a few lines
// here cost far less than the same in wasm. It is the start's JavaScript side
// (src/start.rs is its Rust side): the names both use are the app's
// (START_NAMES, written in at build time from src/names.rs).
//
// 1. Inside an iframe, it tells the parent the content height once the app has
//    settled in, and whenever it changes after that, so embeds size themselves
//    (embed.js listens for this message) and never grow past their height and back.
// 2. It stands in for invoker commands (the embed dialog) where they are missing,
//    and loads the dialog's preview of the embed while it is open.
// 3. It registers the service worker (offline use) and, when a new build has
//    been installed, offers to reload instead of mixing versions.
// 4. Until the app is live, it answers sector and state choices and opens the
//    Filters panel in the prerendered page, and keeps what else the visitor
//    did there; when the app has hydrated those very elements, it hands each
//    change to the element it happened to. If the app cannot start, it says so.
// (The page's marks for its address, such as `embedded`, are set by the inline
// script in index.html's head, before the first paint.)
const names = START_NAMES;
const marks = document.documentElement.classList;

if (marks.contains(names.inFrame)) {
  let last = -1;
  const postHeight = () => {
    // Not before the app has laid out every card (or cannot start): the
    // heights on the way there are not the view's, and would make the
    // partner's page jump.
    if (!document.querySelector(`#${names.app}.${names.settled}`) && !marks.contains(names.bootFailed)) return;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // The height is not a secret: any host may read it.
    window.parent.postMessage({ source: names.source, type: names.resize, height }, '*');
  };
  new ResizeObserver(postHeight).observe(document.documentElement);
  // The app settling in (browser::went_live) is a class change, which may not resize.
  new MutationObserver(postHeight).observe(document.documentElement, { subtree: true, attributeFilter: ['class'] });
}

// "Embed this view" previews the embed in a frame of its own, loaded only while
// the dialog is open (and again when the controls chosen change its address);
// the height the frame reports is how tall the embed will be at this width.
const preview = () => document.querySelector(`.${names.embedPreview} iframe`);
const previewSays = (text) => {
  const status = document.getElementById(names.embedPreviewHeight);
  if (status) status.textContent = text;
};
const loadPreview = () => {
  const box = document.querySelector(`.${names.embedPreview}[data-src]`);
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
// The dialog's content arrives after it opens: the take-along code fills it, then says so.
addEventListener(names.embedFilledEvent, loadPreview);
addEventListener('message', (event) => {
  const frame = preview();
  const data = event.data;
  if (!frame || event.source !== frame.contentWindow || event.origin !== location.origin) return;
  if (!data || data.source !== names.source || data.type !== names.resize || !Number.isFinite(data.height)) return;
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

// The prerendered page (release builds) is plain HTML until the app hydrates
// it, a few seconds on a slow phone. Meanwhile a visitor may open the Filters
// panel (opened here), choose a sector (answered here from the first answers),
// or focus, type, choose a sort, click. The elements stay the same when the
// app hydrates them, so focus, text selection and what is on screen stay;
// what the app has not heard of is handed to it then, on the element it
// happened to: the text typed, the choice made (as an input or change event
// on that element), each button clicked (clicked again, now live).
const prerendered = document.querySelector(`#${names.app}[${names.prerendered}]`);
if (prerendered) {
  // The address asks for another view (the head script's mark): busy until the app is live.
  if (marks.contains(names.viewPending)) prerendered.setAttribute('aria-busy', 'true');
  let live = false;
  // The controls the visitor changed or clicked, in order: an edited field or a
  // radio group once (its last state), each button click.
  const done = new Map();
  const note = (key, element, kind) => {
    done.delete(key);
    done.set(key, { element, kind });
  };
  // A choice of a sector, of a state, or of both is answered here at once:
  // the prerender wrote, for each sector, each state and each pair of the two
  // that has partnerships, which of its cards that view shows and its status
  // line, computed by the app's own filtering (src/prerender.rs,
  // `first_answers`). Nothing is filtered here: the answer is only shown.
  // "All sectors", or the same state again, restores the page as it came.
  // Anything else (a pair without partnerships, a topic, the search, the
  // sort) waits for the app.
  const answers = JSON.parse(document.getElementById(names.firstAnswers)?.textContent || 'null');
  const items = [...prerendered.querySelectorAll(`.${names.cardItem}`)];
  const status = prerendered.querySelector(`.${names.statusLine}`);
  // "Show more" of the whole list (a list longer than the app shows at once):
  // an answer holds all its view's cards, so it has none.
  const more = prerendered.querySelector(`.${names.showMore}`);
  const all = status && { cards: items.map((_, at) => at), status: status.textContent };
  const shown = { sector: '', state: '' };
  let answering = Boolean(answers && status) && !marks.contains(names.viewPending);
  const answer = (target) => {
    if (!answering) return false;
    const next = { ...shown };
    const code = target.getAttribute(names.stateAttribute);
    if (target.matches(`input[name=${names.sectorChoice}]`)) next.sector = target.value;
    else if (code) next.state = shown.state === code ? '' : code;
    else return false;
    const found = next.sector && next.state
      ? answers.pair?.[next.sector]?.[next.state]
      : next.sector ? answers.sector[next.sector] : next.state ? answers.state[next.state] : all;
    if (!found || found.cards.some((at) => at >= items.length)) return false;
    Object.assign(shown, next);
    items.forEach((item, at) => (item.hidden = !found.cards.includes(at)));
    if (more) more.hidden = found !== all;
    // The text node's own text: the node stays the one the app hydrates.
    if (status.firstChild instanceof Text) status.firstChild.data = found.status;
    else status.textContent = found.status;
    for (const button of prerendered.querySelectorAll(`[${names.stateAttribute}]`)) {
      button.setAttribute('aria-pressed', String(button.getAttribute(names.stateAttribute) === shown.state));
    }
    return true;
  };
  // A filter changed here and not answered leaves the prerendered cards
  // matching another view: they give way to "Loading this view…" (see the
  // CSS) until the app is live. The filters stay under the visitor's hand.
  const changing = (target) => {
    if (!(target instanceof Element) || !target.closest(`.${names.filtersRow}, #${names.filterPanel}`)) return;
    if (answer(target)) return;
    answering = false;
    marks.add(names.viewChanging);
    prerendered.setAttribute('aria-busy', 'true');
  };
  const edited = (target) => {
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    if (target.type === 'radio') note(`radio:${target.name}`, target, 'change');
    else note(target, target, target instanceof HTMLSelectElement ? 'change' : 'input');
    changing(target);
  };
  prerendered.addEventListener('input', (event) => live || edited(event.target));
  prerendered.addEventListener('change', (event) => live || edited(event.target));
  prerendered.addEventListener('click', (event) => {
    // Links work without the app; a radio's click is its change (above).
    const button = !live && event.target instanceof Element ? event.target.closest('button') : null;
    if (!button || !prerendered.contains(button)) return;
    note(Symbol('click'), button, 'click');
    changing(button);
    // The Filters button (narrow screens) opens its panel here at once; the
    // app, handed the same click, opens its own (the same element).
    if (button.id === names.filtersButton) {
      const panel = document.getElementById(button.getAttribute('aria-controls'));
      const open = !panel.classList.contains(names.panelOpen);
      panel.classList.toggle(names.panelOpen, open);
      button.setAttribute('aria-expanded', String(open));
    }
  });
  // What was chosen before this script arrived (on a slow line the cards show
  // well before it): a radio chosen, the search or the sort changed.
  for (const radio of prerendered.querySelectorAll('input[type=radio]')) {
    if (radio.checked && !radio.defaultChecked) edited(radio);
  }
  const search = document.getElementById(names.search);
  if (search && search.value !== search.defaultValue) edited(search);
  const sort = document.getElementById(names.sort);
  if (sort && [...sort.options].some((option) => option.selected !== option.defaultSelected)) edited(sort);

  // The app hydrates in one task and then says it is live (src/start.rs), in
  // the same task: what happens here is on screen in the next frame, with the
  // app's answer. Hydrating sets the controls' values to the prerendered
  // view's, so each edited one gets the visitor's back, as it was when
  // hydration began (a field's caret and selection too).
  let before = new Map();
  addEventListener(names.hydratingEvent, (event) => {
    // Something to hand over: the app is to hydrate the page whole, leaving
    // no part of it for later (src/later.rs), so each element is live
    // when it is handed what happened to it.
    if (done.size > 0 || marks.contains(names.viewChanging)) event.preventDefault();
    before = new Map(
      [...done.values()].map(({ element }) => [
        element,
        { value: element.value, checked: element.checked, from: element.selectionStart, to: element.selectionEnd },
      ]),
    );
  });
  addEventListener(names.liveEvent, () => {
    live = true;
    answering = false;
    // The app shows the view from now on: the cards an answer hid come back
    // for it to keep or take away.
    for (const item of items) item.hidden = false;
    if (more) more.hidden = false;
    for (const { element, kind } of done.values()) {
      if (!element.isConnected) continue;
      const was = before.get(element);
      if (kind === 'click') {
        element.click();
        continue;
      }
      if (was && element.type === 'radio') element.checked = was.checked;
      else if (was) element.value = was.value;
      element.dispatchEvent(new Event(kind, { bubbles: true }));
      // The caret and selection of the field being typed in, once the app has
      // written its value back (its effects run after this task's events).
      const text = element instanceof HTMLInputElement && was && was.from !== null;
      if (text && element === document.activeElement) {
        requestAnimationFrame(() => element === document.activeElement && element.setSelectionRange(was.from, was.to));
      }
    }
    marks.remove(names.viewChanging);
    prerendered.removeAttribute('aria-busy');
  });

  // Never a dead end: if the app cannot start, the prerendered view shows with
  // a notice that says why (the boot script's reason); the controls that need
  // the app are hidden by the CSS.
  addEventListener(names.bootFailedEvent, (event) => {
    const pending = marks.contains(names.viewPending) || marks.contains(names.viewChanging);
    marks.remove(names.viewPending, names.viewChanging, names.viewOtherData);
    prerendered.removeAttribute('aria-busy');
    for (const item of items) item.hidden = false;
    if (more) more.hidden = false;
    if (all) status.textContent = all.status;
    const notice = document.createElement('div');
    notice.className = 'wrap notice boot-notice';
    notice.setAttribute('role', 'alert');
    const text = document.createElement('p');
    const lead = document.createElement('strong');
    lead.textContent = pending ? 'This view needs the explorer’s app, which could not start: ' : 'The explorer’s app could not start: ';
    text.append(lead, `${event.detail}. Every partnership is listed below; filters and search need the app.`);
    notice.append(text);
    prerendered.querySelector('main')?.prepend(notice);
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

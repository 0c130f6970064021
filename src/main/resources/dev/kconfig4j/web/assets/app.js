// kconfig4j web: the page. Plain DOM, no framework; every text from the server goes through
// textContent (Kconfig prompts and help may contain markup characters).

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
};

const state = {
  page: 0, entries: [], selected: -1, showAll: false, showNames: false,
  searching: false, hits: [], info: null, highlight: new Set(),
  warnings: [], warningsOf: new Map(),
};

// ---------------------------------------------------------------- server

async function api(path, body) {
  const opts = body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  };
  const r = await fetch('/api/' + path, opts);
  let data = null;
  try { data = await r.json(); } catch (e) { data = { error: 'bad answer from the server (' + r.status + ')' }; }
  if (!r.ok && r.status !== 202) throw new Error(data && data.error ? data.error : 'error ' + r.status);
  data.__status = r.status;
  return data;
}

function status(text, kind = '') {
  const s = $('statusText');
  s.textContent = text;
  s.className = kind;
}

function fail(e) {
  status(e.message || String(e), 'error');
}

// ---------------------------------------------------------------- the menu

async function loadPage(id, keep) {
  const page = await api('page?id=' + id + (state.showAll ? '&all=1' : ''));
  state.page = id;
  state.entries = page.entries;
  state.searching = false;
  $('filters').hidden = true;
  renderCrumbs(page.path);
  renderEntries();
  if (keep !== undefined) select(keep, false);
  else select(state.entries.length ? 0 : -1, false);
}

function renderCrumbs(path) {
  const nav = $('crumbs');
  nav.replaceChildren();
  path.forEach((c, i) => {
    if (i) nav.append(el('span', { class: 'sep' }, '›'));
    nav.append(i === path.length - 1 ? el('strong', {}, c.title)
      : el('a', { onclick: () => loadPage(c.id).catch(fail), 'data-page': c.id }, c.title));
  });
}

function entryRow(e, index) {
  const cls = ['entry', 'kind-' + e.kind.toLowerCase()];
  if (!e.visible) cls.push('hidden-entry');
  if (e.symbol && state.highlight.has(e.symbol)) cls.push('changed-now');
  const value = e.kind === 'SYMBOL' || e.kind === 'MENUCONFIG'
    ? el('span', { class: 'value' + (e.changeable ? '' : ' fixed'), title: e.changeable ? 'change (Space)' : 'cannot be changed here: see why' }, e.valueText)
    : el('span', { class: 'value fixed' }, e.kind === 'COMMENT' ? '***' : '');
  value.addEventListener('click', (ev) => { ev.stopPropagation(); select(index, true); activate(false); });
  let prompt = e.prompt || '';
  if (e.kind === 'COMMENT') prompt = prompt + ' ***';
  const li = el('li', { class: cls.join(' '), 'data-id': e.id, 'data-symbol': e.symbol || '', role: 'option' },
    el('span', { style: 'width:' + (e.depth * 1.6) + 'em;display:inline-block' }),
    value,
    el('span', { class: 'prompt' }, prompt),
    e.kind === 'CHOICE' && e.selection ? el('span', { class: 'muted' }, '(' + e.selection + ')') : null,
    state.showNames && e.symbol ? el('span', { class: 'name' }, '(' + e.symbol + ')') : null,
    e.isNew && e.visible && e.changeable ? el('span', { class: 'new' }, '(NEW)') : null,
    e.submenu ? el('span', { class: 'arrow' }, e.emptyPage ? '----' : '--->') : null,
    !e.visible ? el('span', { class: 'reason' }, 'hidden: ' + (e.hiddenReason || '')) : null,
    e.symbol && state.warningsOf.has(e.symbol) ? rowWarning(state.warningsOf.get(e.symbol)) : null);
  li.addEventListener('click', () => select(index, true));
  li.addEventListener('dblclick', () => activate(true));
  return li;
}

/** The warnings about a row's symbol, beside it: the first one's message, all of them on hover. */
function rowWarning(list) {
  return el('span', { class: 'warn', title: list.map((w) => w.text).join('\n') },
    '⚠ ' + list[0].message + (list.length > 1 ? ' (+' + (list.length - 1) + ' more)' : ''));
}

function renderEntries() {
  const ul = $('entries');
  ul.replaceChildren(...state.entries.map(entryRow));
}

function select(index, showDetails) {
  const rows = $('entries').children;
  if (state.selected >= 0 && rows[state.selected]) rows[state.selected].classList.remove('selected');
  state.selected = Math.max(-1, Math.min(index, rows.length - 1));
  const row = rows[state.selected];
  if (row) {
    row.classList.add('selected');
    row.scrollIntoView({ block: 'nearest' });
  }
  if (showDetails && !state.searching && state.entries[state.selected]) details(state.entries[state.selected].id).catch(fail);
}

function current() {
  return state.searching ? null : state.entries[state.selected];
}

/** Enter: open a page, edit a value. Space (cycle=false) only changes values. */
async function activate(open) {
  if (state.searching) return jump(state.hits[state.selected]);
  const e = current();
  if (!e) return;
  if (open && e.submenu) return loadPage(e.id).catch(fail);
  if (e.kind === 'CHOICE' || e.kind === 'MENU') return loadPage(e.id).catch(fail);
  if (e.kind === 'COMMENT') return;
  if (!e.visible || !e.changeable) return blocked(e);
  if (e.type === 'bool' || e.type === 'tristate') {
    const allowed = e.allowed;
    const next = allowed[(allowed.indexOf(e.value) + 1) % allowed.length];
    return set(e.symbol, next);
  }
  return editText(e);
}

function editText(e) {
  const row = $('entries').children[state.selected];
  const span = row.querySelector('.value');
  const input = el('input', { value: e.value, 'aria-label': 'value of ' + e.symbol });
  span.replaceChildren(input);
  input.focus();
  input.select();
  input.addEventListener('keydown', (ev) => {
    ev.stopPropagation();
    if (ev.key === 'Enter') set(e.symbol, input.value);
    if (ev.key === 'Escape') { renderEntries(); select(state.selected, false); $('entries').focus(); }
  });
}

async function set(symbol, value) {
  try {
    const change = await api('set', { symbol, value });
    await afterChange(change);
  } catch (e) {
    fail(e);
    const entry = current();
    if (entry) details(entry.id).catch(() => {});
  }
}

async function afterChange(change) {
  state.highlight = new Set(change.values.map((v) => v.symbol));
  showChange(change);
  updateUndo(change.canUndo, change.canRedo);
  const keep = state.selected;
  await loadPage(state.page, keep);
  const entry = current();
  if (entry) details(entry.id).catch(() => {});
  $('entries').focus();
}

function showChange(change) {
  const others = change.values.length ? change.values.length - 1 : 0;
  const appeared = change.visibility.filter((v) => v.visible).length;
  const gone = change.visibility.length - appeared;
  status(change.description + ': ' + others + ' other value' + (others === 1 ? '' : 's') + ' changed, '
    + appeared + ' entr' + (appeared === 1 ? 'y' : 'ies') + ' appeared, ' + gone + ' disappeared', 'ok');
  $('statusUndo').hidden = !change.canUndo;
  const list = $('changes');
  list.replaceChildren(...change.values.slice(0, 300).map((v) =>
    el('li', {}, v.symbol + ': ' + (v.before ?? 'not set') + ' → ' + (v.after ?? 'not set'))));
  if (change.values.length > 300) list.append(el('li', {}, '… ' + (change.values.length - 300) + ' more'));
}

function updateUndo(canUndo, canRedo) {
  $('undo').disabled = !canUndo;
  $('redo').disabled = !canRedo;
}

async function undoRedo(which) {
  try {
    await afterChange(await api(which, {}));
  } catch (e) { fail(e); }
}

// ---------------------------------------------------------------- details

async function details(id) {
  const d = await api('details?id=' + id);
  const p = $('panel');
  const why = d.why;
  const parts = [el('h2', {}, d.prompt || d.symbol || ''), d.symbol ? el('div', { class: 'mono' }, 'CONFIG_' + d.symbol) : null];
  if (why) {
    parts.push(el('div', {}, el('span', { class: 'kv' }, 'Value: '), el('strong', { class: 'mono', id: 'detailValue' }, why.value),
      ' ', el('span', { class: 'kv' }, why.type), why.written ? null : el('span', { class: 'badge' }, 'not written')));
    parts.push(el('div', {}, el('span', { class: 'kv' }, 'From: '), el('span', { class: 'badge' }, why.origin.kind), why.origin.text,
      why.origin.location ? el('span', { class: 'muted' }, ' (' + why.origin.location + ')') : null));
    const actions = el('div', { class: 'actions' });
    if (why.blockers.length || why.value === 'n' || why.visibility.value === 'n') {
      if (why.type === 'bool' || why.type === 'tristate') {
        actions.append(el('button', { id: 'enableBtn', class: 'primary', onclick: () => enable([d.symbol]) }, 'Enable ' + d.symbol + '…'));
      }
    }
    if (actions.childNodes.length) parts.push(actions);
    if (why.blockers.length) {
      parts.push(el('h3', {}, 'Blocked by'));
      parts.push(el('ul', { id: 'blockers' }, why.blockers.map((b) => el('li', { class: 'blocker' }, b.text,
        b.location ? el('span', { class: 'muted' }, ' (' + b.location + ')') : null))));
      if (why.advice) parts.push(el('div', { class: 'muted' }, why.advice));
    }
  }
  if (d.symbol && state.warningsOf.has(d.symbol)) {
    parts.push(el('h3', {}, 'Warnings'));
    parts.push(el('ul', { id: 'symbolWarnings' }, state.warningsOf.get(d.symbol).map((w) => warningItem(w, false))));
  }
  if (d.help) { parts.push(el('h3', {}, 'Help')); parts.push(el('pre', {}, d.help)); }
  parts.push(el('h3', {}, 'Location'));
  parts.push(el('ul', {}, d.locations.map((l) => el('li', {},
    el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); jumpTo(l.path[l.path.length - 1].id, l.entry); } },
      l.path.map((c) => c.title).join(' › ')), ' ', el('span', { class: 'mono muted' }, l.location)))));
  if (why) {
    if (why.dependsOn) {
      parts.push(el('h3', {}, 'Depends on'));
      parts.push(el('div', { class: 'mono' }, why.dependsOn.expression + '  = ' + why.dependsOn.value));
    }
    parts.push(el('div', {}, el('span', { class: 'kv' }, 'Visible: '), why.visibility.value,
      why.bounds ? el('span', { class: 'muted' }, '  (can be ' + why.bounds.min + ' to ' + why.bounds.max + ')') : null));
    contributions(parts, 'Selected by', why.selects);
    contributions(parts, 'Implied by', why.implies);
    contributions(parts, 'Defaults', why.defaults);
    if (why.choice) parts.push(el('div', {}, el('span', { class: 'kv' }, 'Choice: '), why.choice.prompt + ' → ' + (why.choice.selected || 'none') + ' (' + why.choice.reason + ')'));
  }
  if (d.symbol && !d.builds) {
    parts.push(el('h3', {}, 'Builds'));
    parts.push(el('div', { class: 'muted' }, 'Reading the Makefiles…'));
    setTimeout(() => { const e = current(); if (e && e.id === id) details(id).catch(() => {}); }, 2000);
  }
  if (d.builds) {
    const b = d.builds;
    parts.push(el('h3', {}, 'Builds'));
    if (!b.objects.length && !b.directories.length && !b.forced.length) parts.push(el('div', { class: 'muted' }, 'No Makefile lists anything under this symbol.'));
    if (b.forced.length) parts.push(el('ul', {}, b.forced.map((f) => el('li', { class: 'blocker mono' }, f))));
    if (b.directories.length) parts.push(el('ul', {}, b.directories.map((f) => el('li', { class: 'mono' }, f))));
    if (b.objects.length) parts.push(el('ul', { class: 'objects' }, b.objects.slice(0, 60).map((f) => el('li', { class: 'mono' }, f))));
    if (b.objectsBelow) parts.push(el('div', { class: 'muted' }, b.objectsBelow + ' objects below these directories'));
  }
  parts.push(el('details', {}, el('summary', {}, 'As menuconfig shows it'), el('pre', {}, d.kernelHelp)));
  p.replaceChildren(...parts.filter(Boolean));
}

function contributions(parts, title, list) {
  if (!list || !list.length) return;
  parts.push(el('h3', {}, title));
  parts.push(el('table', {}, list.map((c) => el('tr', {},
    el('td', { class: 'mono' }, c.from || c.expression || ''),
    el('td', { class: 'mono muted' }, c.condition ? 'if ' + c.condition : ''),
    el('td', { class: 'mono' }, c.value),
    el('td', {}, el('span', { class: 'badge' }, c.state)),
    el('td', { class: 'muted' }, c.location || '')))));
}

async function blocked(e) {
  await details(e.id).catch(fail);
  status(e.symbol ? e.symbol + ' cannot be changed here: see "Blocked by"; Enable finds the lines that make it possible'
    : 'this entry cannot be changed', 'error');
}

// ---------------------------------------------------------------- warnings

/** One warning: where (file:line), what, and (withSymbol) the symbol it concerns, a link to its entry. */
function warningItem(w, withSymbol = true) {
  return el('li', { class: 'warning', 'data-symbol': w.symbol || '' },
    w.file ? el('span', { class: 'mono where' }, w.file + (w.line ? ':' + w.line : '') + ': ') : null,
    w.message,
    w.symbol && withSymbol ? el('span', {}, ' ', el('a', { href: '#', class: 'mono', onclick: (ev) => { ev.preventDefault(); jumpToSymbol(w.symbol); } }, w.symbol)) : null);
}

/** Every warning of loading the tree and reading the config, in order. */
function showWarnings() {
  $('panel').replaceChildren(el('h2', {}, 'Warnings'),
    el('p', { class: 'muted' }, 'What loading the tree and reading the config reported, as the kernel\'s conf prints it.'),
    el('ul', { id: 'warningList' }, state.warnings.map((w) => warningItem(w))));
}

async function jumpToSymbol(symbol) {
  try {
    const at = await api('entry?symbol=' + encodeURIComponent(symbol));
    if (at.page === undefined) { status(symbol + ' has no entry in the menus', 'error'); return; }
    await jumpTo(at.page, at.entry);
  } catch (e) { fail(e); }
}

// ---------------------------------------------------------------- enable

async function enable(requests) {
  const p = $('panel');
  p.replaceChildren(el('h2', {}, 'Enable ' + requests.join(' ')), el('p', { class: 'muted' }, 'Solving…'));
  try {
    const plan = await api('enable', { requests });
    const parts = [el('h2', {}, 'Enable ' + plan.requests.join(' '))];
    if (!plan.solved) {
      parts.push(el('p', { class: 'error' }, 'No config can do it, because:'));
      parts.push(el('ul', {}, plan.conflict.map((c) => el('li', { class: 'blocker' }, c))));
    } else if (!plan.lines.length) {
      parts.push(el('p', {}, 'Already so: nothing to change.'));
    } else {
      parts.push(el('p', {}, plan.lines.length + (plan.lines.length === 1 ? ' line' : ' lines')
        + (plan.minimum ? ' (the fewest possible)' : ' (none can be left out)') + ', verified (' + plan.millis + ' ms):'));
      parts.push(el('pre', { id: 'planLines' }, plan.lines.join('\n')));
      parts.push(el('h3', {}, 'What changes'));
      parts.push(el('table', { id: 'planChanges' }, plan.changes.map((c) => el('tr', {},
        el('td', { class: 'mono' }, c.symbol), el('td', { class: 'mono' }, (c.before ?? 'not set') + ' → ' + (c.after ?? 'not set'))))));
      parts.push(el('div', { class: 'actions' },
        el('button', { id: 'applyPlan', class: 'primary', onclick: applyPlan }, 'Apply'),
        el('button', { onclick: () => { const e = current(); if (e) details(e.id); } }, 'Cancel')));
    }
    p.replaceChildren(...parts);
  } catch (e) {
    p.replaceChildren(el('h2', {}, 'Enable ' + requests.join(' ')), el('p', { class: 'error' }, e.message));
  }
}

async function applyPlan() {
  try {
    await afterChange(await api('enable/apply', {}));
  } catch (e) { fail(e); }
}

// ---------------------------------------------------------------- upgrade review

async function upgrade() {
  const p = $('panel');
  p.replaceChildren(el('h2', {}, 'Upgrade review'), el('p', { class: 'muted' }, 'Loading…'));
  let r;
  try {
    r = await api('upgrade');
  } catch (e) {
    p.replaceChildren(el('h2', {}, 'Upgrade review'), el('p', { class: 'error' }, e.message));
    return;
  }
  if (r.__status === 202) {
    p.replaceChildren(el('h2', {}, 'Upgrade review'),
      el('p', { class: 'muted', id: 'upgradePending' }, 'The upgrade guard is checking every value of the old config and verifying fixes…'));
    setTimeout(() => { if ($('upgradePending')) upgrade(); }, 1500);
    return;
  }
  // The session gives the review in the upgrade report's order (its Ranking): nothing is ranked here.
  const parts = [el('h2', {}, 'Upgrade review'),
    el('p', {}, r.config + ' carried to ' + r.kernel + ': ' + r.summary + '.')];
  if (r.fix && r.fix.lines.length) {
    parts.push(el('div', { class: 'actions' }, el('button', { id: 'fixAll', class: 'primary', onclick: () => fix(null) },
      'Apply every fix (' + r.fix.lines.length + ' lines' + (r.fix.verified ? ', verified' : '') + ')')));
  }
  if (r.lost.length) {
    parts.push(el('h3', { id: 'lostTitle' }, 'Options you chose that are lost (' + r.lost.length + ' root cause'
      + (r.lost.length === 1 ? '' : 's') + ', the largest first)'));
    for (const root of r.lost) parts.push(finding(root, 'lost'));
  }
  if (r.changed.length) {
    parts.push(el('h3', { id: 'changedTitle' }, 'Other values you could set that change (' + r.changed.length
      + ' root cause' + (r.changed.length === 1 ? '' : 's') + ', in config order)'));
    for (const root of r.changed) parts.push(finding(root, 'changed'));
  }
  if (r.rest.length) parts.push(rest(r.rest));
  p.replaceChildren(...parts);
}

function countAll(f) {
  return f.consequences.reduce((n, c) => n + 1 + countAll(c), 0);
}

const className = (c) => String(c).toLowerCase().replace(/_/g, ' ');

function consequenceList(f) {
  return el('ul', {}, f.consequences.map((c) => el('li', { class: 'mono', 'data-symbol': c.symbol },
    c.kind + ' ' + c.symbol + ' ' + (c.oldValue ?? '') + ' → ' + (c.newValue ?? 'not set'),
    c.class ? el('span', { class: 'badge' }, className(c.class)) : null,
    c.consequences.length ? consequenceList(c) : null)));
}

function finding(root, section) {
  const f = root.finding;
  const n = countAll(f);
  const box = el('div', { class: 'finding ' + section, 'data-symbol': f.symbol },
    el('div', {}, el('span', { class: 'badge ' + f.kind }, f.kind),
      el('strong', { class: 'mono' }, f.symbol), ' ',
      el('span', { class: 'mono' }, (f.oldValue ?? 'not set') + ' → ' + (f.newValue ?? 'not set')),
      n ? el('span', { class: 'muted' }, '  and ' + n + ' consequence' + (n === 1 ? '' : 's')) : null),
    section === 'lost' ? el('div', { class: 'takes' }, 'Takes ' + root.takes) : null,
    el('div', { class: 'cause' }, f.cause.text));
  if (f.consequences.length) {
    box.append(el('details', {}, el('summary', {}, 'Consequences'), consequenceList(f)));
  }
  if (f.fix) {
    box.append(el('pre', {}, f.fix.lines.join('\n') || f.fix.note));
    if (f.fix.lines.length) {
      box.append(el('div', { class: 'actions' },
        el('button', { class: 'primary fix', onclick: () => fix(f.symbol) }, 'Apply fix' + (f.fix.verified ? ' (verified)' : '')),
        el('span', { class: 'muted' }, f.fix.note || '')));
    }
  }
  return box;
}

// The rest, in one block: a line per class, each opening to its findings.
function rest(classes) {
  const total = classes.reduce((n, c) => n + c.findings.length, 0);
  return el('div', { id: 'rest', class: 'rest' },
    el('h3', {}, 'The rest: ' + total + ' finding' + (total === 1 ? '' : 's') + ' that take nothing you chose'),
    classes.map((c) => el('details', { class: 'restClass', 'data-class': c.category },
      el('summary', {}, el('strong', {}, String(c.findings.length)), ' ' + c.title),
      // Values and their causes only: the class says what they are (a toolchain "y → n" is no loss).
      el('ul', {}, c.findings.map((f) => el('li', { class: 'mono', 'data-symbol': f.symbol, title: f.cause.text },
        f.symbol + ' ' + (f.oldValue ?? 'not set') + ' → ' + (f.newValue ?? (f.kind === 'DROPPED' ? 'gone' : 'not set'))))))));
}

async function fix(symbol) {
  try {
    const change = await api('upgrade/fix', { symbol });
    await afterChange(change);
    await upgrade();
  } catch (e) { fail(e); }
}

// ---------------------------------------------------------------- search

async function search() {
  const q = $('search').value;
  const fields = [...document.querySelectorAll('.field:checked')].map((f) => f.value).join(',');
  const params = new URLSearchParams({ q, fields, regex: $('fRegex').checked ? 1 : 0, changed: $('fChanged').checked ? 1 : 0,
    new: $('fNew').checked ? 1 : 0, hidden: $('fHidden').checked ? 1 : 0, selectedBy: $('fSelectedBy').value });
  $('filters').hidden = false;
  try {
    state.hits = await api('search?' + params);
  } catch (e) { fail(e); return; }
  state.searching = true;
  state.entries = [];
  $('crumbs').replaceChildren(el('strong', {}, 'Search: ' + state.hits.length + ' found' + (state.hits.length >= 200 ? ' (first 200)' : '')));
  $('entries').replaceChildren(...state.hits.map((h, i) => {
    const li = el('li', { class: 'hit' + (h.visible ? '' : ' hidden-entry'), 'data-id': h.entry, 'data-symbol': h.symbol || '' },
      el('span', { class: 'name' }, h.symbol || ''), el('span', { class: 'prompt' }, h.prompt || ''),
      h.value !== null ? el('span', { class: 'value' }, '= ' + h.value) : null,
      el('span', { class: 'where' }, h.path.slice(1).map((c) => c.title).join(' › ') + ' · ' + h.location + ' · ' + h.matched.join(', ')));
    li.addEventListener('click', () => select(i, false));
    li.addEventListener('dblclick', () => jump(h));
    return li;
  }));
  state.selected = -1;
  select(0, false);
  status(state.hits.length + ' found: Enter jumps to the entry', 'ok');
  $('entries').focus();
}

async function jump(hit) {
  if (!hit) return;
  if (!hit.visible && !state.showAll) { state.showAll = true; $('showAll').checked = true; }
  await jumpTo(hit.page, hit.entry);
}

async function jumpTo(page, entry) {
  await loadPage(page);
  const index = state.entries.findIndex((e) => e.id === entry);
  if (index < 0 && !state.showAll) { state.showAll = true; $('showAll').checked = true; return jumpTo(page, entry); }
  select(index, true);
  const row = $('entries').children[index];
  if (row) row.classList.add('flash');
  $('entries').focus();
}

// ---------------------------------------------------------------- saving

async function save(minimal) {
  try {
    const s = await api(minimal ? 'save-minimal' : 'save', {});
    status(!s.changed ? 'No change to ' + s.path : 'Saved ' + s.path + (s.backup ? ' (previous in ' + s.backup + ')' : ''), 'ok');
  } catch (e) { fail(e); }
}

// ---------------------------------------------------------------- keyboard

function onKey(ev) {
  const target = ev.target;
  const typing = target instanceof HTMLInputElement && target.type !== 'checkbox';
  if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 's') { ev.preventDefault(); save(false); return; }
  if ((ev.ctrlKey || ev.metaKey) && !typing && ev.key.toLowerCase() === 'z') { ev.preventDefault(); undoRedo(ev.shiftKey ? 'redo' : 'undo'); return; }
  if ((ev.ctrlKey || ev.metaKey) && !typing && ev.key.toLowerCase() === 'y') { ev.preventDefault(); undoRedo('redo'); return; }
  if (typing) {
    if (ev.key === 'Escape') { target.blur(); $('entries').focus(); }
    return;
  }
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const e = current();
  switch (ev.key) {
    case 'ArrowDown': case 'j': select(state.selected + 1, true); break;
    case 'ArrowUp': case 'k': select(state.selected - 1, true); break;
    case 'PageDown': select(state.selected + 15, true); break;
    case 'PageUp': select(state.selected - 15, true); break;
    case 'Home': select(0, true); break;
    case 'End': select(1e9, true); break;
    case 'Enter': case 'ArrowRight': activate(ev.key === 'ArrowRight' ? 'page' : true); break;
    case ' ': activate(false); break;
    case 'y': case 'm': case 'n':
      if (e && e.symbol && (e.type === 'bool' || e.type === 'tristate')) {
        if (!e.visible || !e.changeable) blocked(e); else set(e.symbol, ev.key);
      }
      break;
    case 'Escape': case 'Backspace': case 'ArrowLeft': case 'h':
      if (state.searching) { loadPage(state.page).catch(fail); break; }
      { const crumbs = $('crumbs').querySelectorAll('a'); if (crumbs.length) loadPage(Number(crumbs[crumbs.length - 1].dataset.page)).catch(fail); }
      break;
    case '/': $('search').focus(); break;
    case '?': if (e) details(e.id).then(() => $('right').focus()).catch(fail); break;
    case 'e': if (e && e.symbol) enable([e.symbol]); break;
    case 'a': $('showAll').click(); break;
    case 'c': $('showNames').click(); break;
    case 'u': if (!$('upgradeBtn').hidden) upgrade(); break;
    case 'w': if (!$('warningsBtn').hidden) showWarnings(); break;
    default: return;
  }
  ev.preventDefault();
}

// ---------------------------------------------------------------- start

async function start() {
  const s = await api('state');
  $('title').textContent = s.title;
  document.title = s.title + ' — kconfig4j web';
  $('config').textContent = s.config + ' · Kconfig ' + s.dialect;
  updateUndo(s.canUndo, s.canRedo);
  $('upgradeBtn').hidden = !s.upgrade;
  state.warnings = s.warnings;
  for (const w of s.warnings) {
    if (w.symbol) state.warningsOf.set(w.symbol, [...(state.warningsOf.get(w.symbol) || []), w]);
  }
  $('warningsBtn').hidden = !s.warnings.length;
  $('warningsBtn').textContent = 'Warnings (' + s.warnings.length + ')';
  if (s.warnings.length) status(s.warnings.length + ' warning(s): ' + s.warnings[0].text + ' (Warnings lists them all)', 'error');
  $('showAll').addEventListener('change', () => { state.showAll = $('showAll').checked; if (!state.searching) loadPage(state.page, state.selected).catch(fail); });
  $('showNames').addEventListener('change', () => { state.showNames = $('showNames').checked; if (!state.searching) { renderEntries(); select(state.selected, false); } });
  $('undo').addEventListener('click', () => undoRedo('undo'));
  $('statusUndo').addEventListener('click', () => undoRedo('undo'));
  $('redo').addEventListener('click', () => undoRedo('redo'));
  $('save').addEventListener('click', () => save(false));
  $('saveMin').addEventListener('click', () => save(true));
  $('upgradeBtn').addEventListener('click', upgrade);
  $('warningsBtn').addEventListener('click', showWarnings);
  $('closeSearch').addEventListener('click', () => loadPage(state.page).catch(fail));
  $('searchForm').addEventListener('submit', (ev) => { ev.preventDefault(); search(); });
  for (const id of ['fRegex', 'fChanged', 'fNew', 'fHidden']) $(id).addEventListener('change', search);
  document.querySelectorAll('.field').forEach((f) => f.addEventListener('change', search));
  $('fSelectedBy').addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); search(); } });
  document.addEventListener('keydown', onKey);
  await loadPage(0);
  $('entries').focus();
  document.body.dataset.ready = 'true';
}

start().catch(fail);

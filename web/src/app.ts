/**
 * The dashboard (app.html): plan, groceries, today's log, progress, household and settings of the signed-in user,
 * one hash route per page. Every action is a call to the service's API, which runs the coach's own use cases.
 * This file is the shell (nav, language, routing); each page renders from its own file in pages/.
 */
import type { SessionResponse } from '../../service/src/http/api-types.ts';
import { api } from './app-api.ts';
import { h } from './dom.ts';
import { main, setLang, show, w } from './page-kit.ts';
import { groceryPage } from './pages/grocery-page.ts';
import { householdPage } from './pages/household-page.ts';
import { logPage } from './pages/log-page.ts';
import { planPage } from './pages/plan-page.ts';
import { progressPage } from './pages/progress-page.ts';
import { type SettingsShell, settingsPage } from './pages/settings-page.ts';

const PAGES = ['plan', 'grocery', 'log', 'progress', 'household', 'settings'] as const;
type PageName = (typeof PAGES)[number];

const nav = document.getElementById('nav') as HTMLElement;
/** Whether the account has a phone: a web-only one is offered to attach one in Settings. */
let hasPhone = true;

function currentPage(): PageName {
  const name = location.hash.slice(1);
  return (PAGES as readonly string[]).includes(name) ? (name as PageName) : 'plan';
}

function renderNav(signedIn: boolean): void {
  const page = currentPage();
  const links = [
    h('li', {}, h('a', { href: '/' }, w.nav.chat)),
    ...PAGES.map((name) =>
      h(
        'li',
        {},
        h('a', { href: `#${name}`, 'aria-current': name === page ? 'page' : undefined }, w.nav[name]),
      ),
    ),
  ];
  const out = signedIn
    ? h('button', { type: 'button', class: 'link-button', id: 'sign-out' }, w.signOut)
    : null;
  out?.addEventListener('click', async () => {
    await api('/api/session/logout', 'POST', {});
    location.href = '/';
  });
  nav.replaceChildren(h('ul', {}, ...links, out && h('li', {}, out)));
}

const settingsShell: SettingsShell = {
  hasPhone: () => hasPhone,
  renderNav: () => renderNav(true),
  render,
};

async function render(): Promise<void> {
  const session = await api<SessionResponse>('/api/session');
  if (session.ok) setLang(session.data.locale);
  hasPhone = !session.ok || session.data.hasPhone;
  const known = session.ok && session.data.known;
  renderNav(session.ok && session.data.signedIn);
  if (!known) {
    show(w.nav.plan, h('p', {}, w.signedOut), h('p', {}, h('a', { href: '/', class: 'button' }, w.openChat)));
    return;
  }
  main.setAttribute('aria-busy', 'true');
  const page = currentPage();
  if (page === 'plan') await planPage();
  else if (page === 'grocery') await groceryPage();
  else if (page === 'log') await logPage();
  else if (page === 'progress') await progressPage(7);
  else if (page === 'household') await householdPage();
  else await settingsPage(settingsShell);
  main.removeAttribute('aria-busy');
}

// The skip link moves focus without changing the route.
document.getElementById('skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', () => {
  void render().then(() => document.getElementById('page-title')?.focus());
});
void render();

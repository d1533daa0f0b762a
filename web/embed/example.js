// The host page's own script: a pricing table from the JS API, and a log of the
// estimator widget's impower-change events.
import init, { fees } from './impower.js';
await init();
const rows = [1, 2, 3, 4, 5, 6].map((n) => {
  const answer = fees({ projects: n });
  return `<tr><td>${n}</td><td>$${answer.total_usd.toLocaleString('en-US')}</td></tr>`;
});
document.getElementById('pricing').innerHTML = rows.join('');
document.getElementById('estimator').addEventListener('impower-change', (e) => {
  const f = e.detail.fees;
  document.getElementById('log').textContent = f
    ? `${f.projects.length} projects: $${f.total_usd.toLocaleString('en-US')}, ${f.coaches_needed} QI coaches`
    : `fix: ${e.detail.errors.map((x) => x.message).join(' ')}`;
});

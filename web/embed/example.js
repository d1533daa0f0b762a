// The host page's own script: a log of the estimator widget's answers, and a pricing
// table from the JS API.
import init, { fees } from './impower.js';

// Listen before awaiting anything, and read `answers` for what may already have
// happened: the widget can answer before this module gets here.
const estimator = document.getElementById('estimator');
const log = (answers) => {
  const f = answers.fees;
  document.getElementById('log').textContent = f
    ? `${f.projects.length} projects: $${f.total_usd.toLocaleString('en-US')}, ${f.coaches_needed} QI coaches`
    : `fix: ${answers.errors.map((x) => x.message).join(' ')}`;
};
estimator.addEventListener('impower-change', (e) => log(e.detail));
if (estimator.answers) log(estimator.answers);

await init();
const rows = [1, 2, 3, 4, 5, 6].map((n) => {
  const answer = fees({ projects: n });
  return `<tr><td>${n}</td><td>$${answer.total_usd.toLocaleString('en-US')}</td></tr>`;
});
document.getElementById('pricing').innerHTML = rows.join('');

/**
 * The interactive API reference at /api/v1/docs: a plain page that reads /api/v1/openapi.json and
 * renders each operation with its parameters and a "Try it" form. Self-hosted (no CDN), and the
 * script is a separate file so the page works under a CSP without inline scripts.
 */
export function apiDocsPage(): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Pathfinder Monitor</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:0;background:#f0f4f5;line-height:1.5}
header{background:#005eb8;color:#fff;padding:16px 24px}header h1{margin:0;font-size:1.5rem}
main{max-width:1100px;margin:0 auto;padding:24px}
section{background:#fff;margin:0 0 16px;padding:16px;border-bottom:4px solid #d8dde0}
h2{font-size:1.1rem;margin:0 0 8px;font-family:monospace}.method{background:#005eb8;color:#fff;padding:2px 8px;border-radius:4px;margin-right:8px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid #d8dde0;text-align:left;padding:4px 8px;vertical-align:top}
label{font-family:monospace}input{font:inherit;padding:4px;border:2px solid #4c6272;width:100%;box-sizing:border-box}
button{font:inherit;font-weight:700;background:#007f3b;color:#fff;border:0;padding:8px 16px;border-radius:4px;cursor:pointer;margin-top:8px}
:focus-visible{outline:4px solid #ffeb3b;outline-offset:0}
pre{background:#212b32;color:#fff;padding:12px;overflow:auto;max-height:400px;white-space:pre-wrap}
</style>
</head>
<body>
<header><h1>Pathfinder Monitor metrics API</h1><p>OpenAPI document: <a style="color:#fff" href="/api/v1/openapi.json">/api/v1/openapi.json</a></p></header>
<main id="operations" aria-live="polite"><p>Loading the API description…</p></main>
<script src="/api/v1/docs.js" defer></script>
</body>
</html>`;
}

export function apiDocsScript(): string {
  return `(async () => {
  const main = document.getElementById('operations');
  const doc = await (await fetch('/api/v1/openapi.json')).json();
  const el = (tag, attrs = {}, ...children) => { const e = document.createElement(tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); for (const c of children) e.append(c); return e; };
  main.replaceChildren();
  let n = 0;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      n++;
      const params = op.parameters || [];
      const section = el('section', { 'aria-labelledby': 'op' + n });
      section.append(el('h2', { id: 'op' + n }, el('span', { class: 'method' }, method.toUpperCase()), path));
      section.append(el('p', {}, op.summary || ''));
      if (op.description) section.append(el('p', {}, op.description));
      const form = el('form');
      if (params.length) {
        const table = el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Parameter'), el('th', { scope: 'col' }, 'In'), el('th', { scope: 'col' }, 'Description'), el('th', { scope: 'col' }, 'Value'))));
        const body = el('tbody');
        for (const p of params) {
          const id = 'p' + n + '-' + p.name;
          const input = el('input', { id, name: p.name, 'data-in': p.in, placeholder: p.schema && p.schema.default !== undefined ? String(p.schema.default) : '' });
          if (p.required) input.required = true;
          body.append(el('tr', {}, el('td', {}, el('label', { for: id }, p.name + (p.required ? ' (required)' : ''))), el('td', {}, p.in), el('td', {}, p.description || (p.schema && p.schema.enum ? 'one of ' + p.schema.enum.join(', ') : '')), el('td', {}, input)));
        }
        table.append(body);
        form.append(table);
      }
      const out = el('pre', { tabindex: '0', role: 'region', 'aria-label': 'Response of ' + method.toUpperCase() + ' ' + path });
      form.append(el('button', { type: 'submit' }, 'Try it'));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        let url = path.startsWith('/api/') || path === '/healthz' ? path : '/api/v1' + path;
        const query = new URLSearchParams();
        for (const input of form.querySelectorAll('input')) {
          if (!input.value) continue;
          if (input.dataset.in === 'path') url = url.replace('{' + input.name + '}', encodeURIComponent(input.value));
          else query.set(input.name, input.value);
        }
        const res = await fetch(url + (query.size ? '?' + query : ''));
        const text = await res.text();
        let shown = text;
        try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
        out.textContent = res.status + ' ' + res.statusText + '\\n' + shown.slice(0, 20000);
      });
      section.append(form, out);
      main.append(section);
    }
  }
})();`;
}

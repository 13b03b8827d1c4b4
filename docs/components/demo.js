// Demo helper (not part of the package): takes `?lang=` and `?api=` from the page address and
// applies them before the elements start, so one page shows every element in German and English
// against any registry. `?id=` and `?consultation=` preset the record to show.
const params = new URLSearchParams(location.search);
const lang = params.get('lang');
if (lang) document.documentElement.lang = lang;
const api = params.get('api');
for (const element of document.querySelectorAll('[data-demo-api]')) {
  if (api) element.setAttribute('api', api);
}
for (const element of document.querySelectorAll('[data-demo-param]')) {
  const [attribute, name] = element.getAttribute('data-demo-param').split(':');
  const value = params.get(name);
  if (value) element.setAttribute(attribute, value);
}
for (const link of document.querySelectorAll('a[data-demo-link]')) {
  const url = new URL(link.getAttribute('href'), location.href);
  for (const [key, value] of params) if (key !== 'id') url.searchParams.set(key, value);
  link.href = url.href;
}

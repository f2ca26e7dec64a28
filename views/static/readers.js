// Progressive enhancement for the search page (the page works without it): live searches
// send only the fields the reader filled in, so the address htmx pushes stays short.
document.addEventListener('htmx:configRequest', (event) => {
  const elt = event.detail.elt;
  if (!elt || !elt.closest || !elt.closest('#search-form')) return;
  const params = event.detail.parameters;
  for (const name of Object.keys(params)) {
    if (params[name] === '') delete params[name];
  }
  if (params.sort === 'relevance') delete params.sort;
});

// Make a claim of any passage: reads the editor's selection in the article text as offsets into
// the stored body (the element's text is exactly the body) and fills the selection form. Without
// JavaScript the same form takes the passage pasted exactly, and the server finds it.
(function () {
  'use strict';
  var button = null;

  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function hideButton() {
    if (button) button.hidden = true;
  }

  function currentSelection() {
    var text = document.getElementById('article-text');
    var sel = window.getSelection();
    if (!text || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
    var start = offsetIn(text, range.startContainer, range.startOffset);
    var end = offsetIn(text, range.endContainer, range.endOffset);
    var body = text.textContent || '';
    // Spaces at the edges of a selection are never part of a claim.
    while (start < end && /\s/.test(body.charAt(start))) start++;
    while (end > start && /\s/.test(body.charAt(end - 1))) end--;
    if (end - start < 3) return null;
    return { start: start, end: end, quote: body.slice(start, end), rect: range.getBoundingClientRect() };
  }

  function fill(selection) {
    var form = document.getElementById('selection-form');
    if (!form) return;
    form.elements.namedItem('start').value = String(selection.start);
    form.elements.namedItem('end').value = String(selection.end);
    form.elements.namedItem('quote').value = selection.quote;
    var status = document.getElementById('selection-status');
    if (status && status.dataset.chosen) status.textContent = status.dataset.chosen.replace('{count}', String(selection.quote.length));
  }

  function showButton(selection) {
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'selection-button';
      button.addEventListener('mousedown', function (e) { e.preventDefault(); });
      button.addEventListener('click', function () {
        hideButton();
        var form = document.getElementById('selection-form');
        if (!form) return;
        form.scrollIntoView({ behavior: 'smooth', block: 'center' });
        var field = form.elements.namedItem('text');
        if (field) field.focus({ preventScroll: true });
      });
      document.body.appendChild(button);
    }
    var form = document.getElementById('selection-form');
    button.textContent = (form && form.dataset.buttonLabel) || 'Make a claim';
    // CSSOM positioning: allowed under the Content-Security-Policy, unlike style attributes.
    button.style.top = String(window.scrollY + selection.rect.bottom + 6) + 'px';
    button.style.left = String(window.scrollX + Math.max(8, selection.rect.left)) + 'px';
    button.hidden = false;
  }

  function onSelect() {
    var selection = currentSelection();
    if (!selection) return hideButton();
    fill(selection);
    showButton(selection);
  }

  document.addEventListener('mouseup', function () { window.setTimeout(onSelect, 0); });
  document.addEventListener('keyup', function (e) { if (e.shiftKey || e.key === 'Shift') onSelect(); });
  // Typing into the passage field by hand means the offsets no longer apply: the server finds the words.
  document.addEventListener('input', function (e) {
    var form = document.getElementById('selection-form');
    if (form && e.target === form.elements.namedItem('quote')) {
      form.elements.namedItem('start').value = '';
      form.elements.namedItem('end').value = '';
    }
  });
})();

// Every text field's maxlength comes from the domain's limits. The browser alone would cut an over-long paste
// silently; and before that limit existed, a long paste went over the live connection as one message and dropped
// it (the circuit takes at most 32 KB per message). So a paste or a drop that would not fit is refused here,
// before Blazor's own handlers see anything, and a note next to the field says why. One listener for all fields,
// keyed on their maxlength, on every page (the account pages are static and load no other script): loaded by
// App.razor as a module, so no inline script is needed under the Content-Security-Policy.

const notes = new WeakMap();

function limitOf(field) {
  return (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) && field.maxLength >= 0
    ? field.maxLength
    : null;
}

// What the field would hold: its text without the selection, plus the new text. (Email fields tell no selection.)
function lengthWith(field, text) {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  const inserted = field instanceof HTMLTextAreaElement
    ? text.replace(/\r\n?/g, "\n")
    : text.replace(/[\r\n]/g, "");
  return field.value.length - (end - start) + inserted.length;
}

function explain(field, length, limit) {
  let note = notes.get(field);
  if (!note || !note.isConnected) {
    note = document.createElement("p");
    note.className = "field-limit";
    note.setAttribute("role", "alert");
    field.insertAdjacentElement("afterend", note);
    notes.set(field, note);
  }
  // The words come from the page (App.razor's data-limit-note), in its language; {0} and {1} are the numbers.
  const format = (n) => n.toLocaleString(document.documentElement.lang || "en");
  note.textContent = (document.body.dataset.limitNote ?? "")
    .replace("{0}", format(length))
    .replace("{1}", format(limit));
}

function clear(field) {
  notes.get(field)?.remove();
  notes.delete(field);
}

function refuseIfTooLong(event, text) {
  const field = event.target;
  const limit = limitOf(field);
  if (limit === null || text === null || text === undefined) {
    return;
  }
  const length = lengthWith(field, text);
  if (length > limit) {
    // Capture phase on the document: runs before Blazor's handlers, and nothing reaches the field or the server.
    event.preventDefault();
    event.stopImmediatePropagation();
    explain(field, length, limit);
  } else {
    clear(field);
  }
}

document.addEventListener("paste", (event) => refuseIfTooLong(event, event.clipboardData?.getData("text/plain")), true);
document.addEventListener("drop", (event) => refuseIfTooLong(event, event.dataTransfer?.getData("text/plain")), true);
// Typing at the limit: the browser stops it anyway; the note says why instead of nothing happening.
document.addEventListener("beforeinput", (event) => {
  if (event.inputType === "insertText" || event.inputType === "insertReplacementText") {
    refuseIfTooLong(event, event.data);
  }
}, true);
// Any accepted change (typing, deleting, a paste that fits) takes the note away.
document.addEventListener("input", (event) => clear(event.target), true);

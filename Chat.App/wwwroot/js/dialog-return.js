// When a MudBlazor dialog closes, the keyboard focus goes back to the control that opened it, so a keyboard or
// screen-reader user carries on where they were. MudBlazor's focus trap gives back what had the focus when the trap
// started; on a busy server that can be the dialog's own first field (focused before the trap looked), and the
// focus then falls to the page when the dialog leaves. So this waits until the dialog has left the page and, if
// the focus was lost with it, gives it to the opener. One listener for every dialog: no opener has to ask.
// Loaded by App.razor as a module; the menus and the quick switcher have their own (Common/DialogFocus).

const container = "mud-dialog-container";
const openers = new WeakMap();

function isDialog(node) {
  return node.nodeType === Node.ELEMENT_NODE && node.classList.contains(container);
}

function lost(active) {
  return !active || active === document.body || !active.isConnected;
}

new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (isDialog(node)) {
        // Added before any of its fields took the focus: what has it now opened the dialog (a button, a field of
        // a dialog below it).
        openers.set(node, document.activeElement);
      }
    }

    for (const node of record.removedNodes) {
      if (!isDialog(node)) { continue; }
      const opener = openers.get(node);
      openers.delete(node);
      if (lost(document.activeElement) && opener && !lost(opener)) {
        opener.focus();
      }
    }
  }
}).observe(document.body, { childList: true, subtree: true });

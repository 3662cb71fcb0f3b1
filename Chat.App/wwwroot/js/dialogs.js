// Dialogs, menus and popovers (Components/Common/DialogFocus): the focus moves in when one opens, Escape closes the
// one on top, and the focus goes back to the control that opened it. One listener for the document, so Escape
// works wherever the focus is, even after a click on the dialog's background.

const stack = [];

const focusable = "[autofocus], input:not([type='hidden']), textarea, select, button, a[href], [tabindex]:not([tabindex='-1'])";

function onKeyDown(event) {
  if (event.key !== "Escape" || event.isComposing || stack.length === 0) { return; }
  // Before Blazor's own handlers (an editor's Escape, say): the dialog on top takes it, and only it.
  event.preventDefault();
  event.stopPropagation();
  stack[stack.length - 1].dotnet.invokeMethodAsync("EscapeAsync");
}

// The marker sits inside the dialog; the dialog is its nearest element with a dialog or menu role.
export function openDialog(marker, dotnet) {
  if (!marker) { return null; } // Closed before this script arrived (a slow connection): nothing to open.
  const dialog = marker.closest("[role='dialog'], [role='alertdialog'], [role='menu']") ?? marker.parentElement;
  const entry = { dialog, dotnet, opener: document.activeElement };
  stack.push(entry);
  if (stack.length === 1) {
    document.addEventListener("keydown", onKeyDown, true);
  }

  if (!dialog.contains(document.activeElement)) {
    const first = [...dialog.querySelectorAll(focusable)].find((e) => !e.disabled && e.getClientRects().length > 0);
    (first ?? dialog).focus();
  }

  return {
    close() {
      const index = stack.indexOf(entry);
      if (index >= 0) { stack.splice(index, 1); }
      if (stack.length === 0) {
        document.removeEventListener("keydown", onKeyDown, true);
      }

      // This may run just before or just after Blazor removes the dialog: either way the focus is in it or lost.
      const active = document.activeElement;
      const lost = !active || active === document.body || !active.isConnected || dialog.contains(active);
      if (lost && entry.opener && entry.opener !== document.body && entry.opener.isConnected) {
        entry.opener.focus();
      }
    },
  };
}

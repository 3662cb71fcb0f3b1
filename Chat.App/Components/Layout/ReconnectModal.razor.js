// Drives the reconnect dialog (ReconnectModal.razor) from the states blazor.web.js reports.
// - A short drop: the script reconnects to the same circuit by itself; nothing on the page is lost.
// - A long drop, or a restarted or different server: the circuit is gone, so the page reloads at once and reads what
//   it missed from the database (the Reload button stays for the case that the reload itself fails).
// - No answer after every automatic try: "Try again" (and bringing the tab back to the front) tries once more.
const modal = document.getElementById("components-reconnect-modal");
modal.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-reload-button").addEventListener("click", () => location.reload());

function onStateChanged(event) {
  switch (event.detail.state) {
    case "show":
      if (!modal.open) {
        modal.showModal();
      }
      break;
    case "hide":
      modal.close();
      break;
    case "failed":
      document.addEventListener("visibilitychange", retryWhenVisible);
      break;
    case "rejected":
      location.reload();
      break;
  }
}

async function retry() {
  document.removeEventListener("visibilitychange", retryWhenVisible);
  try {
    // true: reconnected; false: the server answered but no longer has this circuit; an exception: no answer.
    if (!(await Blazor.reconnect())) {
      location.reload();
    }
  } catch {
    document.addEventListener("visibilitychange", retryWhenVisible);
  }
}

async function retryWhenVisible() {
  if (document.visibilityState === "visible") {
    await retry();
  }
}

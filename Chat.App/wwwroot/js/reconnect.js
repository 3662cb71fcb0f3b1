// Buttons of the reconnect UI (Components/Layout/ReconnectUi.razor). A file, not inline script, so that a
// Content-Security-Policy without 'unsafe-inline' keeps working.
document.addEventListener("click", (event) => {
  const action = event.target.closest("[data-reconnect]")?.dataset.reconnect;
  if (action === "retry") {
    window.Blazor?.reconnect().then((ok) => { if (!ok) location.reload(); });
  } else if (action === "reload") {
    location.reload();
  }
});

// The server no longer has this tab's session (it was away longer than the server keeps one, or the server
// restarted): nothing on the page can be resumed, so reload at once and start again from the database, as
// Blazor's own reconnect UI does. The Reload button stays for the case that the reload itself fails.
const modal = document.getElementById("components-reconnect-modal");
if (modal) {
  new MutationObserver(() => {
    if (modal.classList.contains("components-reconnect-rejected")) {
      location.reload();
    }
  }).observe(modal, { attributes: true, attributeFilter: ["class"] });
}

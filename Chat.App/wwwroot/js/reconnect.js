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

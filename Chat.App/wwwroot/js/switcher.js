// Ctrl+K (Cmd+K on a Mac) opens the quick switcher (Components/Switcher), wherever the focus is. The browser's own
// use of the keys (its address bar) gives way, as it does in the chat apps people know.
export function listen(dotnet) {
  const onKeyDown = (event) => {
    if ((event.key === "k" || event.key === "K") && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      dotnet.invokeMethodAsync("OpenAsync");
    }
  };
  document.addEventListener("keydown", onKeyDown);
  // Says the keys work now (tests wait for it).
  document.documentElement.dataset.switcher = "ready";
  return {
    dispose() {
      document.removeEventListener("keydown", onKeyDown);
      delete document.documentElement.dataset.switcher;
    },
  };
}

export function scrollIntoView(id) {
  document.getElementById(id)?.scrollIntoView({ block: "nearest" });
}

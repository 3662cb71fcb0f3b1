// Tells the server when this tab was last used (a key, a click, the tab brought to the front), so that when a user
// opens more tabs than allowed, the one unused for the longest is closed (Components/Tabs/TabGate.razor). Live
// updates do not count. At most one report a second; a use within that second is reported when it ends.
export function reportUse(tab) {
  let last = 0;
  let pending = false;
  const send = () => {
    last = Date.now();
    pending = false;
    tab.invokeMethodAsync("Used").catch(() => {});
  };
  const used = () => {
    if (pending) {
      return;
    }

    const wait = last + 1000 - Date.now();
    if (wait <= 0) {
      send();
    } else {
      pending = true;
      setTimeout(send, wait);
    }
  };
  for (const type of ["pointerdown", "keydown"]) {
    document.addEventListener(type, used, { capture: true, passive: true });
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      used();
    }
  });
}

// "Use Chat in this tab" on a closed tab (TabGate.razor): its circuit has ended, so only a reload brings it back. A
// listener of the module itself, since nothing on the server answers a closed tab any more.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-tab-reload]")) {
    location.reload();
  }
});

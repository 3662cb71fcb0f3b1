// Browser-side helpers for the message pane, the composer and the notification bell, loaded as a module by the
// components that use them (MessagePane, Composer, NotificationBell, NotificationInbox, InviteDialog). Everything the user sees is rendered by Blazor; this only scrolls, watches
// and handles the keys Blazor cannot decide on (Enter sends, Shift+Enter adds a line).

export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const panes = new WeakMap();

// Keeps the newest message in view while the reader is at the bottom, and asks for older messages when the
// top comes into view. While an older page goes in above, the distance to the bottom is kept, so the message
// the reader was looking at stays put. (Chromium's scroll anchoring alone did not: with the log scrolled to
// the very top, the browser test saw the view stay at the top of the new page.)
export function attachLog(log, dotnet) {
  // Null when the user left the page before this ran (a slow script or connection): there is nothing to attach to.
  if (!log) { return; }
  // The pane attaches again when it shows another channel in the same element: the old listeners go first.
  detachLog(log);
  const state = { atBottom: true, dotnet, loading: false, keepFromBottom: null, listeners: new AbortController() };
  const signal = state.listeners.signal;
  panes.set(log, state);
  log.addEventListener("scroll", () => updateAtBottom(log, state), { passive: true, signal });
  // Mutation callbacks run after Blazor changed the DOM and before the browser paints: no visible jump. Doing the
  // after-render work here rather than in a call from the server saves a round trip per message on every tab.
  state.mutations = new MutationObserver(() => {
    keepPosition(log, state);
    watchDivider(log);
  });
  state.mutations.observe(log, { childList: true, subtree: true });
  // One listener for every message's buttons (edit, delete, mark unread, earlier versions), instead of a Blazor
  // handler per button per message.
  log.addEventListener("click", (event) => {
    // An author's picture opens their profile card as their name does. The picture is hidden from screen readers
    // (the name beside it says the same), so it hands the click to the name: the focus is there, and goes back
    // there when the card closes.
    const avatar = event.target.closest(".message-header > .avatar");
    if (avatar && log.contains(avatar)) {
      const name = avatar.parentElement.querySelector("button.author");
      name?.focus();
      name?.click();
      return;
    }
    // The author's name opens their profile card; its class says so (MessageItem.razor counts its attributes).
    const button = event.target.closest("button[data-action], .message-header > button.author");
    const message = button?.closest("li[id^='message-']");
    if (message && log.contains(message)) {
      const action = button.dataset.action ?? "profile";
      dotnet.invokeMethodAsync("OnMessageActionAsync", Number(message.id.slice("message-".length)), action);
      return;
    }
    // A touch screen has no hover: a tap on a message (not on a link or a button in it) shows its toolbar, and a
    // tap elsewhere hides it again. One class, set here, so no message carries a handler or a state of its own.
    if (!button && !event.target.closest("a, button, textarea")) {
      const tapped = event.target.closest("li[id^='message-']");
      for (const open of log.querySelectorAll("li.actions-open")) {
        if (open !== tapped) open.classList.remove("actions-open");
      }
      tapped?.classList.toggle("actions-open");
    }
  }, { signal });
  // R on a message (its toolbar or its quote has the focus) replies to it, as in Discord. Never while typing: the
  // composer is outside the log, and a message's editor is a textarea.
  log.addEventListener("keydown", (event) => {
    if (event.key.toLowerCase() !== "r" || event.ctrlKey || event.altKey || event.metaKey || event.isComposing
      || event.target.closest("textarea, input, [contenteditable]")) { return; }
    const message = event.target.closest("li[id^='message-']");
    if (message && log.contains(message)) {
      event.preventDefault();
      dotnet.invokeMethodAsync("OnMessageActionAsync", Number(message.id.slice("message-".length)), "reply");
    }
  }, { signal });
  // A long press on a phone opens the context menu; on a reaction it shows who reacted instead (its title).
  log.addEventListener("contextmenu", (event) => {
    const reaction = event.target.closest("button.reaction");
    if (reaction && log.contains(reaction)) {
      event.preventDefault();
      reaction.classList.toggle("names-open");
    }
  }, { signal });
  const top = log.querySelector("[data-log-top]");
  if (top) {
    state.topObserver = new IntersectionObserver(async (entries) => {
      if (entries.some((e) => e.isIntersecting) && !state.loading && log.scrollHeight > log.clientHeight) {
        state.loading = true;
        state.keepFromBottom = log.scrollHeight - log.scrollTop;
        try {
          await dotnet.invokeMethodAsync("LoadOlderAsync");
        } finally {
          keepPosition(log, state);
          state.keepFromBottom = null;
          state.loading = false;
        }
      }
    }, { root: log, rootMargin: "200px 0px 0px 0px" });
    state.topObserver.observe(top);
  }
  log.scrollTop = log.scrollHeight;
  watchDivider(log);
  // Says the messages' buttons work now; a click before that does nothing (tests wait for it after a reload).
  log.dataset.actions = "ready";
}

// The pane is told only of changes: it keeps its oldest messages while the reader is up there reading them.
function updateAtBottom(log, state) {
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  if (atBottom !== state.atBottom) {
    state.dotnet.invokeMethodAsync("OnAtBottomChanged", atBottom);
  }
  state.atBottom = atBottom;
}

// While an older page goes in above, the distance to the bottom stays; otherwise a reader at the bottom stays there.
function keepPosition(log, state) {
  if (state.keepFromBottom !== null) {
    log.scrollTop = log.scrollHeight - state.keepFromBottom;
  } else if (state.atBottom) {
    log.scrollTop = log.scrollHeight;
  }
}

export function scrollToBottom(log) {
  log.scrollTop = log.scrollHeight;
  const state = panes.get(log);
  if (state) { updateAtBottom(log, state); }
}

export function scrollToElement(id) {
  const element = document.getElementById(id);
  if (element) {
    element.scrollIntoView({ block: "center" });
    // Said now, not at the next scroll event: a message arriving before it must not pull the view back down.
    const log = element.closest("[role='log']");
    const state = log && panes.get(log);
    if (state) {
      updateAtBottom(log, state);
    }
  }
}

// Tells the pane whether the "new messages" divider is on screen, for the "jump to first unread" bar.
function watchDivider(log) {
  const state = panes.get(log);
  const divider = log.querySelector("[data-unread-divider]");
  if (!state || state.divider === divider) { return; }
  state.dividerObserver?.disconnect();
  state.divider = divider;
  if (!divider) { return; }
  state.dividerObserver = new IntersectionObserver((entries) => {
    const visible = entries.some((e) => e.isIntersecting);
    state.dotnet.invokeMethodAsync("OnDividerVisibilityChanged", visible);
  }, { root: log });
  state.dividerObserver.observe(divider);
}

export function detachLog(log) {
  const state = panes.get(log);
  state?.listeners?.abort();
  state?.topObserver?.disconnect();
  state?.mutations?.disconnect();
  state?.dividerObserver?.disconnect();
  panes.delete(log);
}

// Enter sends, Shift+Enter adds a line, Up in an empty box edits the last message, Escape cancels.
export function attachComposer(textarea, dotnet) {
  if (!textarea) { return; } // The page was left (attachLog).
  textarea.addEventListener("keydown", (event) => {
    if (event.isComposing) { return; }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      dotnet.invokeMethodAsync("SubmitAsync", textarea.value);
    } else if (event.key === "ArrowUp" && textarea.value === "") {
      event.preventDefault();
      dotnet.invokeMethodAsync("EditLastAsync");
    } else if (event.key === "Escape") {
      dotnet.invokeMethodAsync("CancelAsync");
    }
  });
  textarea.addEventListener("input", () => {
    textarea.style.height = "auto";
    textarea.style.height = Math.min(textarea.scrollHeight, 240) + "px";
  });
  // Says the keys above work now; until then Enter would only add a line (tests wait for it).
  textarea.dataset.keys = "ready";
}

// Gives focus back to a message's toolbar button (the reaction picker closed); the message may have been redrawn.
export function focusMessageAction(messageId, action) {
  document.querySelector(`#message-${messageId} button[data-action="${action}"]`)?.focus();
}

export function focus(element) {
  element?.focus();
  if (element && "value" in element) {
    element.setSelectionRange(element.value.length, element.value.length);
  }
}

// Desktop notifications. Only for a tab in the background, and only once the user has allowed them.
export function notificationPermission() {
  return "Notification" in window ? Notification.permission : "unsupported";
}

// Browsers grant the permission prompt only inside a user's click, so the click is handled here, in the page,
// rather than after a round trip to the server.
export function attachPermissionButton(button, dotnet) {
  button?.addEventListener("click", async () => {
    if (!("Notification" in window)) { return; }
    const permission = await Notification.requestPermission();
    await dotnet.invokeMethodAsync("OnPermissionChanged", permission);
  });
}

export function notifyIfHidden(title, body, url) {
  if (!document.hidden || !("Notification" in window) || Notification.permission !== "granted") {
    return false;
  }
  const notification = new Notification(title, { body, tag: url || title, icon: "favicon.svg" });
  notification.onclick = () => {
    window.focus();
    if (url) {
      window.Blazor?.navigateTo ? window.Blazor.navigateTo(url) : window.location.assign(url);
    }
    notification.close();
  };
  return true;
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function selectAll(input) {
  input?.select();
}

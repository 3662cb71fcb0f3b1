// The composer's @, # and : suggestions. Blazor draws the list (ComposerSuggestions) and decides what it holds
// (ComposerAutocomplete); this tells the server the text and caret when a suggestion may be wanted, and hands it the
// keys that work an open list. Most keys send nothing extra: only a word that starts with @, # or :, or the key that
// ends one, is reported.

// A superset of what ComposerAutocomplete accepts; the server decides.
const maybeTrigger = /(?:^|[\s([{"'])[@#:][^\s@#:]*$/;

export function attachSuggestions(textarea, dotnet) {
  if (!textarea) { return; } // The page was left (chat.js, attachLog).
  let reported = false;
  const report = () => {
    const caret = textarea.selectionStart;
    const word = textarea.selectionStart === textarea.selectionEnd
      && maybeTrigger.test(textarea.value.slice(Math.max(0, caret - 120), caret));
    // The key after a reported word is reported too, so the server can close the list.
    if (word || reported) {
      reported = word;
      dotnet.invokeMethodAsync("OnCaretAsync", textarea.value, caret);
    }
  };
  textarea.addEventListener("input", report);
  textarea.addEventListener("click", report);
  textarea.addEventListener("keyup", (event) => {
    if (["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) { report(); }
  });
  // A press on an entry does not take focus from the box (ComposerSuggestions), so this is focus going elsewhere. A
  // moment later, and only if it stayed away: a tap that did move focus has chosen by then, and given it back.
  textarea.addEventListener("blur", () => {
    setTimeout(() => {
      if (document.activeElement !== textarea && isOpen(textarea)) { dotnet.invokeMethodAsync("CloseSuggestionsAsync"); }
    }, 300);
  });

  // Caught on the way down, before the box's own keys (chat.js, attachComposer): while the list is open, Enter and Tab
  // choose instead of sending or leaving the box, and Escape closes the list without cancelling an edit or a reply.
  textarea.parentElement.addEventListener("keydown", async (event) => {
    if (event.target !== textarea || event.isComposing || !isOpen(textarea)) { return; }
    const key = event.key;
    if (key === "ArrowDown" || key === "ArrowUp") {
      stop(event);
      dotnet.invokeMethodAsync("MoveSuggestionAsync", key === "ArrowDown" ? 1 : -1);
    } else if ((key === "Enter" && !event.shiftKey) || (key === "Tab" && !event.shiftKey)) {
      stop(event);
      const chosen = await dotnet.invokeMethodAsync("ChooseSuggestion", textarea.value, textarea.selectionStart);
      if (chosen) { applySuggestion(textarea, chosen.text, chosen.caret); }
    } else if (key === "Escape") {
      stop(event);
      dotnet.invokeMethodAsync("DismissSuggestionsAsync");
    }
  }, { capture: true });
}

// Puts the chosen entry's text in the box and the caret after it. The input event tells Blazor's binding of the box
// (the draft) and the report above, which closes the list.
export function applySuggestion(textarea, text, caret) {
  textarea.value = text;
  textarea.focus();
  textarea.setSelectionRange(caret, caret);
  textarea.dispatchEvent(new Event("input", { bubbles: true }));
}

function isOpen(textarea) {
  return textarea.getAttribute("aria-expanded") === "true";
}

function stop(event) {
  event.preventDefault();
  event.stopPropagation();
}

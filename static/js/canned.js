// A canned reason chosen in a decision form fills its text field, which stays editable.
// Without JavaScript the server fills an empty text field with the chosen reason instead.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-canned-for]");
  if (!select) return;
  const text = select.selectedOptions[0]?.dataset.text;
  const field = document.getElementById(select.dataset.cannedFor);
  if (field && text) field.value = text;
});

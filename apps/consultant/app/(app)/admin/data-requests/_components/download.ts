// An admin's export arrives as data; this hands it to the browser as the same JSON file the
// candidate downloads from their own portal.
export function downloadJson(data: unknown, name: string) {
  const blob = new Blob([JSON.stringify(data, null, 2)], {
    type: "application/json;charset=utf-8",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "candidate-ari-candidate-2026-03-04.json" */
export function exportFileName(candidateName: string, at: Date) {
  const slug =
    candidateName
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "candidate";
  return `candidate-${slug}-${at.toISOString().slice(0, 10)}.json`;
}

/**
 * The backend's sentences (alerts, summaries, the comparison's answer, a check's findings) are shared with the CLI
 * and the HTML report, where the technical names belong. On screen the owner reads plain words:
 * the three terms an owner cannot be expected to know are said in words (the glossary and the
 * details toggles keep the technical names).
 */
const PLAIN: Array<[RegExp, string]> = [
  [/\bPSI (\d[\d.]*)/g, 'a shift of $1'],
  [/\bPSI\b/g, 'shift'],
  [/\bROC AUC \(weighted\)/g, 'ranking quality (weighted)'],
  [/\bROC AUC\b/g, 'ranking quality'],
  [/\bAUC\b/g, 'ranking quality'],
  [/calibration error \(ECE\)/g, 'confidence error'],
  [/\bECE\b/g, 'confidence error'],
];

export function plainSentence(text: string): string {
  return PLAIN.reduce((t, [re, words]) => t.replace(re, words), text);
}

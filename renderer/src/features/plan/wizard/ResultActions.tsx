/** The two ways out of a wizard's result page, shared by both Plan wizards. */
export function ResultActions({ onChangeAnswers, onStartOver }: { onChangeAnswers(): void; onStartOver(): void }) {
  return (
    <>
      <button type="button" className="button" onClick={onChangeAnswers}>
        Change answers
      </button>
      <button type="button" className="button" onClick={onStartOver}>
        Start over
      </button>
    </>
  );
}

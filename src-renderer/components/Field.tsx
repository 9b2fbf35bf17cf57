import { useId, type ReactNode } from 'react';

/** What a control inside a Field spreads on itself, so its label, hint and problem are announced with it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface Props {
  label: string;
  /** Shown (and announced) under the control; null when the value is fine or not yet checked. */
  problem?: string | null;
  hint?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with its hint and its problem, wired by ids rather than by nesting. */
export function Field({ label, problem, hint, className, children }: Props) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': described || undefined })}
      {hint ? (
        <small className="field-hint" id={`${id}-hint`}>
          {hint}
        </small>
      ) : null}
      {problem ? (
        <small className="field-problem" id={`${id}-problem`} data-testid="field-problem">
          {problem}
        </small>
      ) : null}
    </div>
  );
}

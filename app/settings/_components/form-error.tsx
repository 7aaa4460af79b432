export function FormError({ message, testId }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid={testId} className="mt-3 text-sm text-notice-warning">
      {message}
    </p>
  );
}

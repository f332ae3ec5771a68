// Records a pitch in the browser (MediaRecorder, audio only) and uploads it to the attempt.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { currentCsrfToken } from '../app/api';

export function Recorder({ attemptId, onUploaded }: { attemptId: string; onUploaded: () => void }) {
  const [state, setState] = useState<'idle' | 'recording' | 'uploading'>('idle');
  const [error, setError] = useState<string | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const chunks = useRef<Blob[]>([]);

  const start = async () => {
    setError(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const r = new MediaRecorder(stream, MediaRecorder.isTypeSupported('audio/webm') ? { mimeType: 'audio/webm' } : undefined);
      chunks.current = [];
      r.ondataavailable = (e) => chunks.current.push(e.data);
      r.onstop = async () => {
        for (const t of stream.getTracks()) t.stop();
        setState('uploading');
        const form = new FormData();
        form.append('file', new Blob(chunks.current, { type: r.mimeType || 'audio/webm' }), 'pitch.webm');
        const csrf = currentCsrfToken();
        const res = await fetch(`/api/v1/practice-attempts/${attemptId}/recording`, {
          method: 'POST',
          body: form,
          credentials: 'same-origin',
          headers: csrf ? { 'x-csrf-token': csrf } : {},
        });
        setState('idle');
        if (!res.ok) {
          const body = await res.json().catch(() => null);
          setError(body?.error?.message ?? `Upload failed (${res.status})`);
          return;
        }
        onUploaded();
      };
      recorder.current = r;
      r.start();
      setState('recording');
    } catch (e) {
      setError(`The microphone could not be opened: ${(e as Error).message}`);
    }
  };

  return (
    <Group gap="xs">
      {state === 'recording' ? (
        <Button color="red" size="xs" onClick={() => recorder.current?.stop()}>
          Stop and upload
        </Button>
      ) : (
        <Button size="xs" onClick={start} loading={state === 'uploading'}>
          Record pitch
        </Button>
      )}
      {state === 'recording' && (
        <Text size="xs" c="red" role="status">
          Recording…
        </Text>
      )}
      {error && (
        <Alert color="red" p={6}>
          {error}
        </Alert>
      )}
    </Group>
  );
}

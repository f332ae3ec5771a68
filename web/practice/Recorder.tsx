// Records a pitch in the browser (MediaRecorder, audio only) and uploads it to the attempt.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { uploadRecording } from '../data/practice/practice';

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
        try {
          await uploadRecording(attemptId, new Blob(chunks.current, { type: r.mimeType || 'audio/webm' }));
        } catch (e) {
          setState('idle');
          setError((e as Error).message);
          return;
        }
        setState('idle');
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

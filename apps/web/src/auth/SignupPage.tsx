import { FormEvent, useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { errorText } from '../api/error-text';
import { useAuth } from './AuthContext';
import { AuthCard } from './LoginPage';

export function SignupPage() {
  const { user, signUp } = useAuth();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to="/" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signUp(email, username, password);
      navigate('/', { replace: true });
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title="Create your WebChat account">
      <form onSubmit={submit} aria-label="Sign up">
        <Stack>
          {error && <Alert color="red" role="alert">{error}</Alert>}
          <TextInput label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <TextInput label="Username" autoComplete="nickname" required maxLength={50} value={username} onChange={(e) => setUsername(e.currentTarget.value)} />
          <PasswordInput
            label="Password"
            description="8 to 72 characters"
            autoComplete="new-password"
            required
            minLength={8}
            maxLength={72}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy}>Sign up</Button>
          <Text size="sm">
            Already have an account? <Anchor component={Link} to="/login">Log in</Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

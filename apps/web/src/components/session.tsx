import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import type { LoginRequest, Role, SessionUser } from "@luoshi/contract";
import { api, ApiError, onSessionProblem, setCsrfToken } from "../api/client.ts";

type SessionState = { status: "loading" } | { status: "anonymous" } | { status: "signed-in"; user: SessionUser };

type SessionApi = {
  state: SessionState;
  login: (body: LoginRequest) => Promise<SessionUser>;
  logout: () => Promise<void>;
  /** Re-read /api/auth/me, e.g. after the password changed (mustChangePassword flips to false). */
  refresh: () => Promise<void>;
};

/** The session as the server sees it; a 401 means nobody is signed in. */
async function readSession(): Promise<SessionState> {
  try {
    const me = await api.auth.me();
    setCsrfToken(me.csrfToken);
    return { status: "signed-in", user: me.user };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
    setCsrfToken(undefined);
    return { status: "anonymous" };
  }
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const refresh = useCallback(async () => setState(await readSession()), []);

  useEffect(() => {
    void readSession().then(setState);
  }, []);

  // A 401 from any call means the session expired: drop to the login screen. A password-change-required
  // answer means the state is stale: re-read it so the guard sends the user to 修改密码.
  useEffect(
    () =>
      onSessionProblem((error) => {
        if (error.code === "UNAUTHENTICATED") {
          setCsrfToken(undefined);
          setState({ status: "anonymous" });
        } else {
          void refresh();
        }
      }),
    [refresh],
  );

  const login = useCallback(async (body: LoginRequest) => {
    const me = await api.auth.login(body);
    setCsrfToken(me.csrfToken);
    setState({ status: "signed-in", user: me.user });
    return me.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.auth.logout();
    } finally {
      setCsrfToken(undefined);
      setState({ status: "anonymous" });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionApi {
  const value = use(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in user; only for screens behind the session guard. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useUser without a session");
  return state.user;
}

export function hasAnyRole(user: SessionUser, roles: readonly Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

// The sign-in form's server side: one neutral answer for every kind of wrong credential.
import { AuthError } from "next-auth";

export type SignInState = { error: string | null; email: string };
type SignIn = (
  provider: "credentials",
  options: { email: string; password: string; redirectTo: string },
) => Promise<unknown>;

export async function credentialsSignIn(signIn: SignIn, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!email || !password) return { email, error: "Enter your email and password." };
  const redirectTo = safeRedirect(String(formData.get("redirectTo") ?? "/"));
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    // A successful sign-in "throws" Next's redirect, which must travel on.
    if (!(error instanceof AuthError)) throw error;
    const code = (error as AuthError & { code?: string }).code;
    return {
      email,
      error:
        code === "rate_limited"
          ? "Too many sign-in attempts. Please wait 15 minutes and try again."
          : "Email or password is incorrect.",
    };
  }
  return { email, error: null };
}

/** Only same-site paths: never bounce a user to another origin after sign-in. */
export function safeRedirect(path: string): string {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

import type { Metadata } from "next";
import { DeregisterStack } from "@/components/settings/deregister-stack";
import { RegisterStackForm } from "@/components/settings/register-stack-form";
import { config } from "@/server/config";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  const { stackKey } = config();
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Register and deregister the organization&apos;s custom stacks.
      </p>
      <div className="mt-6 space-y-6">
        <RegisterStackForm />
        <DeregisterStack consoleStackKey={stackKey} />
      </div>
    </>
  );
}

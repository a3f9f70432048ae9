"use client";

import { Component, type ReactNode } from "react";

interface FormFailureProps {
  phoneDisplay: string;
  phoneHref: string;
  children: ReactNode;
}

/**
 * When sending the form fails in a way the server could not answer (the connection dropped, a proxy refused the
 * post), React throws from the form; this catches it and gives the patient the clinic's number instead of a
 * blank page. An error boundary is a class component by React's rule.
 */
export class FormFailure extends Component<FormFailureProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    const { phoneDisplay, phoneHref, children } = this.props;
    if (!this.state.failed) return children;
    return (
      <div role="alert" tabIndex={-1} className="rounded-lg border-2 border-emergency-border bg-emergency-bg p-4 text-emergency">
        <h2 className="text-xl font-bold">We could not send your request</h2>
        <p className="mt-2">
          Something went wrong between your device and our website, and we cannot tell whether your request reached us.
          Please call us at{" "}
          <a href={phoneHref} className="font-bold whitespace-nowrap underline">
            {phoneDisplay}
          </a>
          .
        </p>
        <button type="button" onClick={() => this.setState({ failed: false })} className="mt-4 font-bold underline underline-offset-4">
          Show the form again
        </button>
      </div>
    );
  }
}

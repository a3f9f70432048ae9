import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppointmentFormState } from "@/app/request-appointment/actions";
import { AppointmentForm } from "@/components/appointment/AppointmentForm";

const requestAppointment = vi.hoisted(() => vi.fn<(state: AppointmentFormState, data: FormData) => Promise<AppointmentFormState>>());
vi.mock("@/app/request-appointment/actions", () => ({ requestAppointment }));

function renderForm() {
  render(<AppointmentForm phoneDisplay="501.224.4001" phoneHref="tel:+15012244001" />);
  return userEvent.setup();
}

/** Fills in the required fields as a patient would, and sends the form. */
async function sendValidForm(user: ReturnType<typeof userEvent.setup>, bestTime: "Evening" | "Any time") {
  await user.type(screen.getByLabelText(/Full name/), "Jane Doe");
  await user.type(screen.getByLabelText(/Phone number/), "501 555 0123");
  await user.click(screen.getByLabelText(bestTime));
  await user.click(screen.getByLabelText(/not for emergencies/));
  await user.click(screen.getByRole("button", { name: "Send my request" }));
}

describe("AppointmentForm", () => {
  beforeEach(() => {
    requestAppointment.mockReset();
  });

  it("shows every error, marks the fields and moves focus to the summary, without calling the server", async () => {
    const user = renderForm();
    await user.click(screen.getByRole("button", { name: "Send my request" }));

    const summary = await screen.findByRole("alert");
    expect(summary).toHaveTextContent("Please fix these 4 things");
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByRole("link", { name: "Phone number: Please enter your phone number" })).toHaveAttribute("href", "#phone");

    const name = screen.getByLabelText(/Full name/);
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("Please enter your full name");
    expect(screen.getByLabelText(/Phone number/)).toHaveAccessibleDescription(
      "A US number. We will call you on it. Please enter your phone number",
    );
    expect(requestAppointment).not.toHaveBeenCalled();
  });

  it("sends a valid request once through the server action, however often the button is pressed", async () => {
    let finish: (state: AppointmentFormState) => void = () => {};
    requestAppointment.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    const user = renderForm();
    await sendValidForm(user, "Evening");

    const sending = await screen.findByRole("button", { name: "Sending your request…" });
    expect(sending).toBeDisabled();
    await user.click(sending);
    await waitFor(() => expect(requestAppointment).toHaveBeenCalledTimes(1));
    const sent = requestAppointment.mock.calls[0]![1];
    expect(Object.fromEntries(sent)).toMatchObject({ fullName: "Jane Doe", phone: "501 555 0123", bestTime: "evening", acknowledged: "on" });

    finish({ status: "received", reference: "MS-7K3Q9" });
    // The confirmation takes focus in its effect, which may run after the heading is first in the document.
    const confirmation = await screen.findByRole("heading", { name: "We received your request" });
    await waitFor(() => expect(confirmation).toHaveFocus());
    expect(screen.getByText("MS-7K3Q9")).toBeInTheDocument();
    expect(requestAppointment).toHaveBeenCalledTimes(1);
  });

  it("tells the patient to call when the request could not be saved, keeping what they typed", async () => {
    requestAppointment.mockResolvedValue({
      status: "unavailable",
      values: { fullName: "Jane Doe", phone: "501 555 0123", bestTime: "any", acknowledged: "on" },
    });
    const user = renderForm();
    await sendValidForm(user, "Any time");

    expect(await screen.findByRole("alert")).toHaveTextContent("We could not save your request. Please call us at 501.224.4001.");
    expect(screen.getByLabelText(/Full name/)).toHaveValue("Jane Doe");
  });
});

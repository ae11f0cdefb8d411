package org.potentia.forecast.web;

import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.potentia.forecast.AccountFiguresGrid;
import org.potentia.platform.ConflictException;
import org.potentia.platform.web.FormErrors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the pages of an account's twelve-month grids (budget, rolling forecast) share: the
 * year asked for, showing the grid, and saving it all at once with the messages for a
 * refused grid, a locked year and a stale row.
 */
final class FigureGridPages {

	private final FormErrors errors;

	private final String path;

	/**
	 * @param path the grid's path below the account ({@code budget}, {@code forecast})
	 */
	FigureGridPages(FormErrors errors, String path) {
		this.errors = errors;
		this.path = path;
	}

	/**
	 * The grid of the year asked for, or back to this year's with a message if it is no
	 * year the grid shows.
	 * @param page the view of a year's grid
	 */
	String show(long accountId, String year, RedirectAttributes redirect, IntFunction<String> page) {
		int chosen = year(year);
		if (chosen < 0) {
			return refuseYear(accountId, redirect);
		}
		return page.apply(chosen);
	}

	/**
	 * Saves the grid of the year asked for: back to it with a message on success or
	 * conflict, or the grid again with the typed cells and their errors, or with the
	 * typed cells and "try again" when another transaction held the rows.
	 * @param save saves the year's grid and answers null, or the refused grid
	 * @param typed the year's grid with the cells as typed
	 * @param page the view of a refused grid
	 */
	String save(long accountId, String year, Model model, RedirectAttributes redirect,
			IntFunction<AccountFiguresGrid> save, IntFunction<AccountFiguresGrid> typed,
			Function<AccountFiguresGrid, String> page) {
		int chosen = year(year);
		if (chosen < 0) {
			return refuseYear(accountId, redirect);
		}
		try {
			AccountFiguresGrid refused = save.apply(chosen);
			if (refused != null) {
				model.addAttribute("error", this.errors.message("figures.grid.refused"));
				return page.apply(refused);
			}
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", this.errors.message(ex.getMessageKey(), ex.getArguments()));
			return redirect(accountId, chosen);
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", this.errors.message("error.conflict.stale"));
			return redirect(accountId, chosen);
		}
		catch (PessimisticLockingFailureException ex) {
			model.addAttribute("error", this.errors.message("error.conflict.busy"));
			return page.apply(typed.apply(chosen));
		}
		redirect.addFlashAttribute("success", this.errors.message("flash.saved"));
		return redirect(accountId, chosen);
	}

	private String refuseYear(long accountId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", this.errors.message("figures.error.year", 2000, 2100));
		return thisYear(accountId);
	}

	/**
	 * Back to this year's grid.
	 */
	String thisYear(long accountId) {
		return "redirect:/accounts/" + accountId + "/" + this.path;
	}

	String redirect(long accountId, int year) {
		return "redirect:/accounts/" + accountId + "/" + this.path + "?year=" + year;
	}

	/**
	 * The year asked for, this year if none, or -1 for one that is no year the grid
	 * shows.
	 */
	static int year(String text) {
		if (text == null || text.isBlank()) {
			return LocalDate.now().getYear();
		}
		try {
			int year = Integer.parseInt(text.trim());
			return (year < 2000 || year > 2100) ? -1 : year;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
